'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { QueryState } from '../../components/query-state';
import { shortId } from '../../format/formatters';
import type { RouterOutputs } from '../../trpc/router-types';
import { useTRPC } from '../../trpc/trpc-react';

type PaymentStatusFilter = '' | 'CAPTURED' | 'DECLINED';
type Payment = RouterOutputs['payment']['adminList']['items'][number];

const columns: Column<Payment>[] = [
  {
    header: 'When',
    className: 'nowrap small',
    cell: (payment) => <LocalTime iso={payment.createdAt} />,
  },
  {
    header: 'Order',
    className: 'mono',
    cell: (payment) => (
      <Link href={`/admin/orders/${payment.orderId}`}>#{shortId(payment.orderId)}</Link>
    ),
  },
  {
    header: 'Status',
    cell: (payment) => (
      <>
        <span className={payment.status === 'CAPTURED' ? 'badge badge-ok' : 'badge badge-bad'}>
          {payment.status === 'CAPTURED' ? 'Captured' : 'Declined'}
        </span>
        {payment.declineReason ? <div className="small muted">{payment.declineReason}</div> : null}
      </>
    ),
  },
  {
    header: 'Amount',
    numeric: true,
    cell: (payment) => <Money cents={payment.amountCents} currency={payment.currency} />,
  },
  { header: 'Method', className: 'mono small', cell: (payment) => payment.paymentMethod },
];

function StatusFilter({
  status,
  onChange,
}: {
  status: PaymentStatusFilter;
  onChange: (status: PaymentStatusFilter) => void;
}) {
  return (
    <label className="row small">
      Status
      <select
        className="select select-inline"
        value={status}
        onChange={(event) => onChange(event.target.value as PaymentStatusFilter)}
      >
        <option value="">All</option>
        <option value="CAPTURED">Captured</option>
        <option value="DECLINED">Declined</option>
      </select>
    </label>
  );
}

/** Recent payments: what was captured and what was declined, and why. */
export function PaymentsTable() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<PaymentStatusFilter>('');
  const payments = useInfiniteQuery(
    trpc.payment.adminList.infiniteQueryOptions(
      { status: status || undefined, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 10_000 },
    ),
  );
  const items = payments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="payments-heading">
      <div className="card-title">
        <h2 id="payments-heading">Recent payments</h2>
        <StatusFilter status={status} onChange={setStatus} />
      </div>
      <QueryState
        query={payments}
        loadMore={payments}
        what="payments"
        empty={
          !items.length && (
            <EmptyState title="No payments yet">
              Payments appear here as orders are charged.
            </EmptyState>
          )
        }
      >
        {() => <DataTable columns={columns} rows={items} rowKey={(payment) => payment.id} />}
      </QueryState>
    </section>
  );
}
