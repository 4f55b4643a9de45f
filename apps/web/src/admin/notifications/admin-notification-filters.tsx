'use client';
import { useId, type FormEvent } from 'react';
import {
  notificationKindLabels,
  type NotificationKind,
} from '../../notifications/notification-kind-labels';

export interface NotificationFilterValues {
  user: string;
  kind: string;
}

export function AdminNotificationFilters({
  values,
  onApply,
}: {
  values: NotificationFilterValues;
  onApply: (values: NotificationFilterValues) => void;
}) {
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({ user: String(form.get('user') ?? '').trim(), kind: String(form.get('kind') ?? '') });
  }
  return (
    <form
      key={JSON.stringify(values)}
      className="filters"
      onSubmit={submit}
      aria-label="Filter notifications"
    >
      <div className="field">
        <label htmlFor={`${id}-user`}>User id</label>
        <input
          id={`${id}-user`}
          name="user"
          className="input"
          defaultValue={values.user}
          placeholder="user uuid"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} name="kind" className="select" defaultValue={values.kind}>
          <option value="">Any kind</option>
          {(Object.keys(notificationKindLabels) as NotificationKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {notificationKindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="submit" className="button button-small">
          Apply
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onApply({ user: '', kind: '' })}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
