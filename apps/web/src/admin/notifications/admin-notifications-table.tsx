'use client';
import Link from 'next/link';
import { DataTable, type Column } from '../../components/data-table';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { notificationKindLabels } from '../../notifications/notification-kind-labels';
import type { RouterOutputs } from '../../trpc/router-types';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory, type CustomerIdentity } from '../customers/use-customer-directory';

type AdminNotification = RouterOutputs['notification']['adminList']['items'][number];

const columnsWith = (
  customers: ReadonlyMap<string, CustomerIdentity>,
): Column<AdminNotification>[] => [
  { header: 'Sent', className: 'nowrap', cell: (item) => <LocalTime iso={item.createdAt} /> },
  {
    header: 'User',
    cell: (item) => (
      <Link href={`/admin/notifications?user=${item.userId}`}>
        <CustomerName userId={item.userId} customer={customers.get(item.userId)} />
      </Link>
    ),
  },
  {
    header: 'Kind',
    cell: (item) => (
      <span className="badge badge-neutral">{notificationKindLabels[item.kind]}</span>
    ),
  },
  {
    header: 'Message',
    cell: (item) => (
      <>
        <strong>{item.title}</strong>
        <div className="small muted cell-clip">{item.body}</div>
      </>
    ),
  },
  {
    header: 'Order',
    className: 'mono',
    cell: (item) => <Link href={`/admin/orders/${item.orderId}`}>#{shortId(item.orderId)}</Link>,
  },
  {
    header: 'Read',
    className: 'nowrap small',
    cell: (item) =>
      item.readAt ? (
        <LocalTime iso={item.readAt} />
      ) : (
        <span className="badge badge-pending">Unread</span>
      ),
  },
];

/** Who was told what about which order, and whether they read it. */
export function AdminNotificationsTable({ notifications }: { notifications: AdminNotification[] }) {
  const customers = useCustomerDirectory(notifications.map((item) => item.userId));
  return (
    <DataTable
      columns={columnsWith(customers)}
      rows={notifications}
      rowKey={(item) => item.id}
      rowAttributes={(item) => ({
        'data-testid': 'admin-notification-row',
        'data-kind': item.kind,
      })}
    />
  );
}
