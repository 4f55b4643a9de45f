import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeadLetterDetail } from '@/admin/dead-letters/dead-letter-detail';
import { isDeadLetterService } from '@/admin/dead-letters/dead-letter-services';
import { isUuid } from '@/format/is-uuid';

export const metadata: Metadata = { title: 'Dead letter' };

export default async function DeadLetterPage({
  params,
}: {
  params: Promise<{ service: string; id: string }>;
}) {
  const { service, id } = await params;
  if (!isDeadLetterService(service) || !isUuid(id)) notFound();
  return <DeadLetterDetail service={service} id={id} />;
}
