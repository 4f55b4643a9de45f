'use client';
import { useId, type FormEvent } from 'react';

export type FilterField<TName extends string> =
  | { name: TName; label: string; kind: 'text'; placeholder?: string }
  | { name: TName; label: string; kind: 'datetime' }
  | {
      name: TName;
      label: string;
      kind: 'select';
      options: ReadonlyArray<{ value: string; label: string }>;
    };

export interface FilterFormProps<TName extends string> {
  label: string;
  fields: ReadonlyArray<FilterField<TName>>;
  values: Record<TName, string>;
  onApply: (values: Record<TName, string>) => void;
}

/** A select's options from a table of labels, after the choice of any (the empty value). */
export function optionsOf(labels: Readonly<Record<string, string>>, anyLabel: string) {
  return [
    { value: '', label: anyLabel },
    ...Object.entries(labels).map(([value, label]) => ({ value, label })),
  ];
}

/**
 * A filter bar for an admin list: labelled fields applied together on submit (so typing an id does not fire a
 * query per key), and Clear. The key remounts the form when the values change elsewhere (a count card, the URL),
 * so its defaults follow them.
 */
export function FilterForm<TName extends string>({
  label,
  fields,
  values,
  onApply,
}: FilterFormProps<TName>) {
  const id = useId();
  const read = (source: (name: TName) => string) =>
    Object.fromEntries(fields.map((field) => [field.name, source(field.name)])) as Record<
      TName,
      string
    >;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(read((name) => String(form.get(name) ?? '').trim()));
  }
  return (
    <form key={JSON.stringify(values)} className="filters" onSubmit={submit} aria-label={label}>
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        return (
          <div className="field" key={field.name}>
            <label htmlFor={fieldId}>{field.label}</label>
            {field.kind === 'select' ? (
              <select
                id={fieldId}
                name={field.name}
                className="select"
                defaultValue={values[field.name]}
              >
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={fieldId}
                name={field.name}
                className="input"
                type={field.kind === 'datetime' ? 'datetime-local' : 'text'}
                defaultValue={values[field.name]}
                placeholder={field.kind === 'text' ? field.placeholder : undefined}
                autoComplete="off"
              />
            )}
          </div>
        );
      })}
      <div className="row">
        <button type="submit" className="button button-small">
          Apply
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onApply(read(() => ''))}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

/** A filter bar over a fixed set of fields, for a page to place with its values (from the URL). */
export function filterBar<TName extends string>(
  label: string,
  fields: ReadonlyArray<FilterField<TName>>,
) {
  return function FilterBar(props: Pick<FilterFormProps<TName>, 'values' | 'onApply'>) {
    return <FilterForm label={label} fields={fields} {...props} />;
  };
}
