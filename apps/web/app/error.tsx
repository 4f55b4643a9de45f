'use client';
import Link from 'next/link';

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="error-page" aria-labelledby="error-heading" role="alert">
      <p className="error-code">Oops</p>
      <h1 id="error-heading">This page could not be shown</h1>
      <p className="muted">Something went wrong on our side. Trying again usually helps.</p>
      <div className="row">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button-secondary">
          Go to the menu
        </Link>
      </div>
    </section>
  );
}
