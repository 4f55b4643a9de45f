import { DomainError } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { z } from 'zod';
import { markConsumerGroup, type ConsumerGroupMark } from './consumer-group-mark.js';
import { createKafkaClient } from './kafka-client.js';
import type { EventingDependencies } from './eventing-router.js';
import { namespaced, withoutNamespace } from './namespace.js';

export interface ConsumerGroupPartition {
  topic: string;
  partition: number;
  /** Null when the group never committed on this partition. */
  committedOffset: number | null;
  endOffset: number;
  lag: number;
  /** The member reading it now, or null when nobody is. */
  memberId: string | null;
}

export interface ConsumerGroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assigned: Array<{ topic: string; partition: number }>;
}

/** One consumer group as kafka-ui shows it: state, members and what each reads, and lag per partition. */
export interface ConsumerGroupReport {
  /** As the design names it, without the stack's namespace. */
  groupId: string;
  state: string;
  mark: ConsumerGroupMark;
  members: ConsumerGroupMember[];
  partitions: ConsumerGroupPartition[];
  totalLag: number;
}

// What the broker answers is input: parsed, so a surprise is an error here rather than a wrong page.
const groupDescriptions = z.object({
  groups: z.array(
    z.object({
      groupId: z.string(),
      state: z.string(),
      members: z.array(
        z.object({
          memberId: z.string(),
          clientId: z.string(),
          clientHost: z.string(),
          memberAssignment: z.instanceof(Buffer),
        }),
      ),
    }),
  ),
});
const committedOffsets = z.array(
  z.object({
    topic: z.string(),
    partitions: z.array(z.object({ partition: z.number().int(), offset: z.string() })),
  }),
);
const topicOffsets = z.array(
  z.object({ partition: z.number().int(), high: z.string(), low: z.string() }),
);

/** The partitions a member was given; nothing when its assignment is not in the standard consumer format. */
function assignedPartitions(
  assignment: Buffer,
  namespace: string,
): ConsumerGroupMember['assigned'] {
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(assignment);
    return Object.entries(decoded?.assignment ?? {}).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic: withoutNamespace(namespace, topic), partition })),
    );
  } catch {
    return [];
  }
}

async function readPartitions(
  admin: Admin,
  groupId: string,
  owners: Map<string, string>,
  namespace: string,
): Promise<ConsumerGroupPartition[]> {
  const committed = committedOffsets.parse(await admin.fetchOffsets({ groupId }));
  const partitions: ConsumerGroupPartition[] = [];
  for (const { topic, partitions: offsets } of committed) {
    const ends = topicOffsets.parse(await admin.fetchTopicOffsets(topic));
    const name = withoutNamespace(namespace, topic);
    for (const end of ends) {
      const offset = Number(
        offsets.find((entry) => entry.partition === end.partition)?.offset ?? '-1',
      );
      // A partition never committed on is behind by everything still retained there.
      const from = offset >= 0 ? offset : Number(end.low);
      partitions.push({
        topic: name,
        partition: end.partition,
        committedOffset: offset >= 0 ? offset : null,
        endOffset: Number(end.high),
        lag: Math.max(0, Number(end.high) - from),
        memberId: owners.get(`${name}/${end.partition}`) ?? null,
      });
    }
  }
  return partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The service's own groups: its consumer (`<service>`) and every group named under it (`<service>.dead-letters`). */
const belongsTo = (groupId: string, prefix: string) =>
  groupId === prefix || groupId.startsWith(`${prefix}.`);

async function describeOwnGroups(
  admin: Admin,
  service: string,
  namespace: string,
): Promise<ConsumerGroupReport[]> {
  const prefix = namespaced(namespace, service);
  const { groups } = await admin.listGroups();
  const ids = groups.map((group) => group.groupId).filter((groupId) => belongsTo(groupId, prefix));
  if (!ids.length) return [];
  const described = groupDescriptions.parse(await admin.describeGroups(ids));
  const reports: ConsumerGroupReport[] = [];
  for (const group of described.groups) {
    const members = group.members.map((member) => ({
      memberId: member.memberId,
      clientId: member.clientId,
      host: member.clientHost,
      assigned: assignedPartitions(member.memberAssignment, namespace),
    }));
    const owners = new Map(
      members.flatMap((member) =>
        member.assigned.map(
          ({ topic, partition }) => [`${topic}/${partition}`, member.memberId] as const,
        ),
      ),
    );
    const partitions = await readPartitions(admin, group.groupId, owners, namespace);
    const totalLag = partitions.reduce((sum, partition) => sum + partition.lag, 0);
    reports.push({
      groupId: withoutNamespace(namespace, group.groupId),
      state: group.state,
      mark: markConsumerGroup({ state: group.state, memberCount: members.length, totalLag }),
      members,
      partitions,
      totalLag,
    });
  }
  return reports.sort((a, b) => a.groupId.localeCompare(b.groupId));
}

export interface ConsumerGroupSource {
  service: string;
  brokers: string[];
  namespace: string;
  logger: Logger;
}

/** An admin page waits this long for the broker, then says it is not answering. */
const answerWithinMs = 8000;

/**
 * Reads the service's consumer groups from the broker on demand (an admin's page), with a client of its own that
 * gives up within seconds: the consumers' client retries for a minute, which a page must not wait for.
 */
export function consumerGroupReader(
  source: ConsumerGroupSource,
): () => Promise<ConsumerGroupReport[]> {
  let kafka: Kafka | undefined;
  return async () => {
    kafka ??= createKafkaClient(
      { clientId: `${source.service}-console`, brokers: source.brokers, logger: source.logger },
      { retry: { initialRetryTime: 250, maxRetryTime: 1000, retries: 3 } },
    );
    const admin = kafka.admin();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DomainError('UPSTREAM_UNAVAILABLE', 'the Kafka broker is not answering')),
        answerWithinMs,
      );
    });
    try {
      await Promise.race([admin.connect(), timedOut]);
      return await Promise.race([
        describeOwnGroups(admin, source.service, source.namespace),
        timedOut,
      ]);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      source.logger.warn('consumer groups: cannot read them from the broker', { error });
      throw new DomainError(
        'UPSTREAM_UNAVAILABLE',
        'the Kafka broker did not answer about consumer groups',
      );
    } finally {
      clearTimeout(timer);
      await admin.disconnect().catch(() => undefined);
    }
  };
}

/** A service's dependencies with the reader of its consumer groups beside them, as the eventing procedures want. */
export function withConsumerGroupReader<Dependencies extends object>(
  dependencies: Dependencies,
  source: ConsumerGroupSource,
): Dependencies & EventingDependencies {
  return { ...dependencies, consumerGroups: consumerGroupReader(source) };
}
