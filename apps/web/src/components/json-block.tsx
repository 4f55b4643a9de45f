/** A value pretty-printed as JSON (text that is not JSON is shown as it is). */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre className="code" aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}
