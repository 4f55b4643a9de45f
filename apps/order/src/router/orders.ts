import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { orderStatuses } from '../domain/order-status.js';
import { createOrder } from '../orders/create-order.js';
import { getOrder, listMenu, listOrders } from '../orders/order-views.js';
import { authedProcedure, publicProcedure } from '../trpc.js';

const createInput = z.object({
  restaurantId: z.string().min(1).max(100),
  items: z
    .array(z.object({ menuItemId: z.string().min(1).max(100), quantity: z.number().int().min(1).max(99) }).strict())
    .min(1, 'an order needs at least one item')
    .max(30),
  deliveryAddress: z.string().trim().min(5, 'deliveryAddress: at least 5 characters').max(300),
  /** A test payment method token, e.g. tok_visa (succeeds) or tok_decline (declined). */
  paymentMethod: z.string().regex(/^tok_[a-z0-9_]{1,40}$/, 'paymentMethod: a payment token such as tok_visa'),
  idempotencyKey: z.string().min(8).max(100).regex(/^[\w-]+$/),
}).strict();

export const orderProcedures = {
  menu: publicProcedure.query(({ ctx }) => listMenu(ctx.db)),

  create: authedProcedure.input(createInput).mutation(async ({ input, ctx }) => {
    const result = await createOrder(ctx.db, ctx.user, input, { correlationId: ctx.correlationId, placedAt: ctx.clock.now() });
    if (result.created) {
      ctx.logger.info('order created', { orderId: result.order.id });
      return result.order;
    }
    ctx.logger.info('order create repeated; returning the existing order', { orderId: result.orderId });
    return getOrder(ctx.db, result.orderId, ctx.user.userId);
  }),

  list: authedProcedure
    .input(
      z.object({
        status: z.enum(orderStatuses).optional(),
        limit: z.number().int().min(1).max(100).default(20),
        cursor: z.uuid().optional(),
      }),
    )
    .query(({ input, ctx }) => listOrders(ctx.db, { userId: ctx.user.userId, status: input.status }, input)),

  get: authedProcedure
    .input(z.object({ orderId: z.uuid() }))
    .query(({ input, ctx }) => getOrder(ctx.db, input.orderId, ctx.user.userId)),

  /** Whether a create with this key made an order: asked by a checkout whose answer was lost on the way. */
  findByIdempotencyKey: authedProcedure
    .input(z.object({ idempotencyKey: createInput.shape.idempotencyKey }))
    .query(async ({ input, ctx }) => {
      const order = await ctx.db.order.findUnique({
        where: { userId_idempotencyKey: { userId: ctx.user.userId, idempotencyKey: input.idempotencyKey } },
        select: { id: true },
      });
      return { orderId: order?.id ?? null };
    }),
} satisfies TRPCRouterRecord;
