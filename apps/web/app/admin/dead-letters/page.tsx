import type { Metadata } from 'next';
import { DeadLettersPageView } from '@/admin/dead-letters/dead-letters-page-view';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Dead letters · Admin' };

export default function DeadLettersPage() {
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Messages that a service gave up on after its retries, from the order, payment and notification queues, grouped by kind of failure. Fix the cause, then replay a group."
      />
      <DeadLettersPageView />
    </>
  );
}
