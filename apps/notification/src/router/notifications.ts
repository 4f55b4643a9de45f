import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { notificationKinds } from '../notifications/notification-text.js';
import { listNotifications, markNotificationsRead } from '../notifications/notification-views.js';
import { adminProcedure, authedProcedure } from '../trpc.js';

const page = { limit: z.number().int().min(1).max(100).default(20), cursor: z.uuid().optional() };

export const notificationProcedures = {
  list: authedProcedure
    .input(z.object({ unreadOnly: z.boolean().default(false), ...page }))
    .query(({ input, ctx }) => listNotifications(ctx.db, { userId: ctx.user.userId, unreadOnly: input.unreadOnly }, input)),

  unreadCount: authedProcedure.query(async ({ ctx }) => ({
    unread: await ctx.db.notification.count({ where: { userId: ctx.user.userId, readAt: null } }),
  })),

  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.uuid()).min(1).max(200).optional() }))
    .mutation(({ input, ctx }) => markNotificationsRead(ctx.db, ctx.user.userId, input.ids, ctx.clock.now())),

  /** The caller's new notifications and order status changes, as they happen (SSE). */
  feed: authedProcedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.feed.items((item) => item.userId === ctx.user.userId, signal);
  }),

  adminList: adminProcedure
    .input(
      z.object({
        userId: z.string().max(100).optional(),
        kind: z.enum(notificationKinds).optional(),
        createdFrom: z.coerce.date().optional(),
        createdTo: z.coerce.date().optional(),
        ...page,
      }),
    )
    .query(({ input, ctx }) => listNotifications(ctx.db, input, input)),

  /** Every user's notifications as they happen (SSE). */
  adminFeed: adminProcedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.feed.items(() => true, signal);
  }),
} satisfies TRPCRouterRecord;
