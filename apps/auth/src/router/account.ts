import { DomainError } from '@food/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../trpc.js';
import { publicUserFields, type UserProfile } from '../users/public-user.js';

export const accountProcedures = {
  /** The signed-in user as stored now (the role may be newer than the one in the access token). */
  me: authedProcedure.query(async ({ ctx }): Promise<UserProfile> => {
    const user = await ctx.service.db.user.findUnique({
      where: { id: ctx.user.userId },
      select: { ...publicUserFields, createdAt: true },
    });
    if (!user)
      throw new DomainError(
        'UNAUTHENTICATED',
        'the account of this token no longer exists: sign in again',
      );
    return { ...user, createdAt: user.createdAt.toISOString() };
  }),
} satisfies TRPCRouterRecord;
