'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LoadMoreButton } from '../../components/load-more-button';
import { LoadingRows } from '../../components/loading-rows';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { shortId } from '../../format/formatters';
import { useTRPC } from '../../trpc/trpc-react';

type PaymentStatusFilter = '' | 'CAPTURED' | 'DECLINED';

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
        <label className="row small">
          Status
          <select
            className="select select-inline"
            value={status}
            onChange={(event) => setStatus(event.target.value as PaymentStatusFilter)}
          >
            <option value="">All</option>
            <option value="CAPTURED">Captured</option>
            <option value="DECLINED">Declined</option>
          </select>
        </label>
      </div>
      {payments.isPending ? (
        <LoadingRows label="Loading payments…" />
      ) : payments.isError ? (
        <ErrorNotice
          error={payments.error}
          title="Payments could not be loaded"
          onRetry={() => void payments.refetch()}
        />
      ) : !items.length ? (
        <EmptyState title="No payments yet">Payments appear here as orders are charged.</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Order</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col">Method</th>
                </tr>
              </thead>
              <tbody>
                {items.map((payment) => (
                  <tr key={payment.id}>
                    <td className="nowrap small">
                      <LocalTime iso={payment.createdAt} />
                    </td>
                    <td className="mono">
                      <Link href={`/admin/orders/${payment.orderId}`}>
                        #{shortId(payment.orderId)}
                      </Link>
                    </td>
                    <td>
                      <span
                        className={
                          payment.status === 'CAPTURED' ? 'badge badge-ok' : 'badge badge-bad'
                        }
                      >
                        {payment.status === 'CAPTURED' ? 'Captured' : 'Declined'}
                      </span>
                      {payment.declineReason ? (
                        <div className="small muted">{payment.declineReason}</div>
                      ) : null}
                    </td>
                    <td className="numeric">
                      <Money cents={payment.amountCents} currency={payment.currency} />
                    </td>
                    <td className="mono small">{payment.paymentMethod}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMoreButton
            hasMore={payments.hasNextPage}
            loading={payments.isFetchingNextPage}
            onClick={() => void payments.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
