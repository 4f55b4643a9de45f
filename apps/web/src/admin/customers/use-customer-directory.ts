'use client';
import { useQuery } from '@tanstack/react-query';
import { isUuid } from '../../format/is-uuid';
import { useTRPC } from '../../trpc/trpc-react';

export interface CustomerIdentity {
  name: string;
  email: string;
}

/** Names and emails of the customers an admin view shows by id, from the auth service, in one call per page. */
export function useCustomerDirectory(
  userIds: readonly string[],
): ReadonlyMap<string, CustomerIdentity> {
  const trpc = useTRPC();
  const ids = [...new Set(userIds.filter(isUuid))].sort().slice(0, 200);
  const users = useQuery(
    trpc.auth.usersByIds.queryOptions({ ids }, { enabled: ids.length > 0, staleTime: 60_000 }),
  );
  return new Map(
    (users.data ?? []).map((user) => [user.id, { name: user.name, email: user.email }]),
  );
}
