'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorNotice } from '../../components/error-notice';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { QueryState } from '../../components/query-state';
import type { RouterOutputs } from '../../trpc/router-types';
import { useTRPC } from '../../trpc/trpc-react';

type ProviderStatus = RouterOutputs['payment']['providerStatus'];

/** The switch, the provider's state in words, and who last switched it. */
function OutageControls({ status }: { status: ProviderStatus }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setOutage = useMutation(
    trpc.payment.setProviderOutage.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.payment.providerStatus.queryFilter()),
    }),
  );
  return (
    <>
      <div className="spread">
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={status.outage}
          disabled={setOutage.isPending}
          onClick={() => setOutage.mutate({ enabled: !status.outage })}
          data-testid="outage-switch"
        >
          <span className="switch-track" aria-hidden="true" />
          Simulate a provider outage
        </button>
        <span
          className={status.outage ? 'badge badge-bad badge-large' : 'badge badge-ok badge-large'}
          data-testid="outage-state"
          aria-live="polite"
        >
          {status.outage ? 'Outage: payments failing' : 'Provider answering'}
        </span>
      </div>
      {status.updatedAt ? (
        <p className="small muted facts-spaced">
          Last switched {status.outage ? 'on' : 'off'} by {status.updatedBy},{' '}
          <LocalTime iso={status.updatedAt} />.
        </p>
      ) : null}
      {setOutage.isError ? (
        <ErrorNotice error={setOutage.error} title="The switch did not change" />
      ) : null}
    </>
  );
}

interface TestCard {
  name: string;
  outcome: ReactNode;
  mono: boolean;
}

/** What each test token does, and the amount above which any payment is declined. */
const testCardsOf = (status: ProviderStatus): TestCard[] => [
  ...Object.entries(status.testTokens).map(([name, outcome]) => ({ name, outcome, mono: true })),
  {
    name: 'any amount above',
    outcome: (
      <>
        <Money cents={status.amountLimitCents} currency="EUR" />: declined (AMOUNT_OVER_LIMIT)
      </>
    ),
    mono: false,
  },
];

const testCardColumns: Column<TestCard>[] = [
  {
    rowHeader: true,
    cell: (card) => (card.mono ? <span className="mono">{card.name}</span> : card.name),
  },
  { cell: (card) => card.outcome },
];

/** The simulated provider's outage switch, with what it does and what to do afterwards. */
export function ProviderOutageSwitch() {
  const trpc = useTRPC();
  const status = useQuery(
    trpc.payment.providerStatus.queryOptions(undefined, { refetchInterval: 10_000 }),
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
      <QueryState
        query={status}
        what="the provider's state"
        loading="Reading the provider's state…"
        loadingRows={2}
        failed="The provider's state could not be read"
      >
        {(data) => (
          <>
            <OutageControls status={data} />
            <h3 className="facts-spaced">Test cards</h3>
            <DataTable
              columns={testCardColumns}
              rows={testCardsOf(data)}
              rowKey={(card) => card.name}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
