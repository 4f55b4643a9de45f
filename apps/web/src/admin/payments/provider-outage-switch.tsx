'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingRows } from '../../components/loading-rows';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { useTRPC } from '../../trpc/trpc-react';

/** The simulated provider's outage switch, with what it does and what to do afterwards. */
export function ProviderOutageSwitch() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(
    trpc.payment.providerStatus.queryOptions(undefined, { refetchInterval: 10_000 }),
  );
  const setOutage = useMutation(
    trpc.payment.setProviderOutage.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.payment.providerStatus.queryFilter()),
    }),
  );

  return (
    <section className="card" aria-labelledby="outage-heading">
      <h2 id="outage-heading">Payment provider outage</h2>
      <p>
        While the outage is on, the simulated payment provider fails every charge with a temporary
        error, as a real provider does when it is down. The payment service tries each new order
        three times, then moves its <code>order.created</code> event to the dead-letter queue{' '}
        <code>payment.failed.dlq</code>. Those orders stay <strong>Pending payment</strong>: nothing
        is charged and nothing is lost.
      </p>
      <p>
        After switching the outage off, replay those letters from{' '}
        <Link href="/admin/dead-letters?service=payment&topic=order.created">Dead letters</Link>:
        each order is then charged once and confirmed (or declined) as usual. Every payment instance
        reads the switch on each charge, so it takes effect at once.
      </p>
      {status.isPending ? (
        <LoadingRows label="Reading the provider's state…" rows={2} />
      ) : status.isError ? (
        <ErrorNotice
          error={status.error}
          title="The provider's state could not be read"
          onRetry={() => void status.refetch()}
        />
      ) : (
        <>
          <div className="spread">
            <button
              type="button"
              role="switch"
              className="switch"
              aria-checked={status.data.outage}
              disabled={setOutage.isPending}
              onClick={() => setOutage.mutate({ enabled: !status.data.outage })}
              data-testid="outage-switch"
            >
              <span className="switch-track" aria-hidden="true" />
              Simulate a provider outage
            </button>
            <span
              className={
                status.data.outage ? 'badge badge-bad badge-large' : 'badge badge-ok badge-large'
              }
              data-testid="outage-state"
              aria-live="polite"
            >
              {status.data.outage ? 'Outage: payments failing' : 'Provider answering'}
            </span>
          </div>
          {status.data.updatedAt ? (
            <p className="small muted facts-spaced">
              Last switched {status.data.outage ? 'on' : 'off'} by {status.data.updatedBy},{' '}
              <LocalTime iso={status.data.updatedAt} />.
            </p>
          ) : null}
          {setOutage.isError ? (
            <ErrorNotice error={setOutage.error} title="The switch did not change" />
          ) : null}
          <h3 className="facts-spaced">Test cards</h3>
          <div className="table-wrap">
            <table className="table">
              <tbody>
                {Object.entries(status.data.testTokens).map(([token, outcome]) => (
                  <tr key={token}>
                    <th scope="row" className="mono">
                      {token}
                    </th>
                    <td>{outcome}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">any amount above</th>
                  <td>
                    <Money cents={status.data.amountLimitCents} currency="EUR" />: declined
                    (AMOUNT_OVER_LIMIT)
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
