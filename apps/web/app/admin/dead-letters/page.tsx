import { DeadLettersPageView } from '@/admin/dead-letters/dead-letters-page-view';
import { headedPage } from '@/layout/headed-page';

const description =
  'Messages that a service gave up on after its retries, from the order, payment and notification queues, grouped by kind of failure. Fix the cause, then replay a group.';
const page = headedPage('Dead letters', description, DeadLettersPageView);
export const metadata = page.metadata;
export default page.Page;
