'use client';
import Link from 'next/link';
import { LocalTime } from '../components/local-time';
import type { RouterOutputs } from '../trpc/router-types';

export type NotificationEntry = RouterOutputs['notification']['list']['items'][number];

export function NotificationItem({
  notification,
  onMarkRead,
  marking,
}: {
  notification: NotificationEntry;
  onMarkRead: () => void;
  marking: boolean;
}) {
  const unread = !notification.readAt;
  return (
    <li
      className={unread ? 'notification notification-unread' : 'notification'}
      data-testid="notification"
      data-kind={notification.kind}
      data-read={unread ? 'false' : 'true'}
    >
      <div>
        <strong>
          {unread ? <span className="visually-hidden">Unread: </span> : null}
          {notification.title}
        </strong>
        <p>{notification.body}</p>
        <p className="small muted">
          <LocalTime iso={notification.createdAt} /> ·{' '}
          <Link href={`/orders/${notification.orderId}`}>View order</Link>
        </p>
      </div>
      <div>
        {unread ? (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={onMarkRead}
            disabled={marking}
          >
            Mark as read<span className="visually-hidden">: {notification.title}</span>
          </button>
        ) : (
          <span className="badge badge-neutral">Read</span>
        )}
      </div>
    </li>
  );
}
