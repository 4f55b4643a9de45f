'use client';
import { useId, type FormEvent } from 'react';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';

export interface OrderFilterValues {
  status: string;
  customer: string;
  from: string;
  to: string;
}

/** Status, customer and time range; applied on submit so typing an id does not fire a query per key. */
export function AdminOrderFilters({
  values,
  onApply,
}: {
  values: OrderFilterValues;
  onApply: (values: OrderFilterValues) => void;
}) {
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({
      status: String(form.get('status') ?? ''),
      customer: String(form.get('customer') ?? '').trim(),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    });
  }
  // The key remounts the form when the URL changes elsewhere (count cards, clear), so defaults follow it.
  return (
    <form
      key={JSON.stringify(values)}
      className="filters"
      onSubmit={submit}
      aria-label="Filter orders"
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" className="select" defaultValue={values.status}>
          <option value="">Any status</option>
          {(Object.keys(orderStatusLabels) as OrderStatus[]).map((status) => (
            <option key={status} value={status}>
              {orderStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-customer`}>Customer id</label>
        <input
          id={`${id}-customer`}
          name="customer"
          className="input"
          defaultValue={values.customer}
          placeholder="user uuid"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Placed from</label>
        <input
          id={`${id}-from`}
          name="from"
          type="datetime-local"
          className="input"
          defaultValue={values.from}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Placed until</label>
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
          onClick={() => onApply({ status: '', customer: '', from: '', to: '' })}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
