'use client';
import type { DeadLetterStatus } from '@food/contracts';
import { useId, type FormEvent } from 'react';
import { consumedTopics, deadLetterServices, deadLetterStatusLabels } from './dead-letter-services';

export interface DeadLetterFilterValues {
  service: string;
  topic: string;
  error: string;
  /** '' means PENDING (the letters that need someone), ANY means every status. */
  status: string;
  from: string;
  to: string;
}

export const noDeadLetterFilters: DeadLetterFilterValues = {
  service: '',
  topic: '',
  error: '',
  status: '',
  from: '',
  to: '',
};

export function DeadLetterFilters({
  values,
  onApply,
}: {
  values: DeadLetterFilterValues;
  onApply: (values: DeadLetterFilterValues) => void;
}) {
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    onApply({
      service: text('service'),
      topic: text('topic'),
      error: text('error'),
      status: text('status'),
      from: text('from'),
      to: text('to'),
    });
  }
  return (
    <form
      key={JSON.stringify(values)}
      className="filters"
      onSubmit={submit}
      aria-label="Filter dead letters"
    >
      <div className="field">
        <label htmlFor={`${id}-service`}>Service</label>
        <select
          id={`${id}-service`}
          name="service"
          className="select"
          defaultValue={values.service}
        >
          <option value="">All services</option>
          {deadLetterServices.map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-topic`}>Original topic</label>
        <select id={`${id}-topic`} name="topic" className="select" defaultValue={values.topic}>
          <option value="">Any topic</option>
          {consumedTopics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" className="select" defaultValue={values.status}>
          {(Object.keys(deadLetterStatusLabels) as DeadLetterStatus[]).map((status) => (
            <option key={status} value={status === 'PENDING' ? '' : status}>
              {deadLetterStatusLabels[status]}
            </option>
          ))}
          <option value="ANY">Any status</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-error`}>Error contains</label>
        <input
          id={`${id}-error`}
          name="error"
          className="input"
          defaultValue={values.error}
          placeholder="e.g. outage"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Failed from</label>
        <input
          id={`${id}-from`}
          name="from"
          type="datetime-local"
          className="input"
          defaultValue={values.from}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Failed until</label>
        <input
          id={`${id}-to`}
          name="to"
          type="datetime-local"
          className="input"
          defaultValue={values.to}
        />
      </div>
      <div className="row">
        <button type="submit" className="button button-small">
          Apply
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onApply(noDeadLetterFilters)}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
