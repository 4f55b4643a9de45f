import { roles } from '@food/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { adminProcedure } from '../trpc.js';
import { changeRole } from '../users/change-role.js';
import { listUsers } from '../users/list-users.js';

const userListQuery = z
  .object({
    role: z.enum(roles).optional(),
    email: z.string().max(254, 'must be at most 254 characters').trim().toLowerCase().optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200, 'is not a cursor returned by listUsers').optional(),
  })
  .default({ limit: 20 });

export const userAdminProcedures = {
  listUsers: adminProcedure
    .input(userListQuery)
    .query(({ ctx, input }) => listUsers(ctx.service.db, input)),

  /** Names and emails of the users an admin view lists by id (orders, notifications); unknown ids are left out. */
  usersByIds: adminProcedure
    .input(z.object({ ids: z.array(z.uuid('must be a user id (uuid)')).max(200) }))
    .query(({ ctx, input }) =>
      ctx.service.db.user.findMany({
        where: { id: { in: input.ids } },
        select: { id: true, name: true, email: true },
      }),
    ),

  setRole: adminProcedure
    .input(z.object({ userId: z.uuid('must be a user id (uuid)'), role: z.enum(roles) }))
    .mutation(({ ctx, input }) =>
      changeRole(ctx.service.db, ctx.user, input.userId, input.role, ctx.logger),
    ),
} satisfies TRPCRouterRecord;
