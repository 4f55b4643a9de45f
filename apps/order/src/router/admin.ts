import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { orderStatuses } from '../domain/order-status.js';
import { countOrdersByStatus, getOrder, listOrders, orderTimeline } from '../orders/order-views.js';
import { adminProcedure } from '../trpc.js';

const filterInput = z.object({
  status: z.enum(orderStatuses).optional(),
  userId: z.string().max(100).optional(),
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
});

export const orderAdminProcedures = {
  adminList: adminProcedure
    .input(filterInput.extend({ limit: z.number().int().min(1).max(200).default(50), cursor: z.uuid().optional() }))
    .query(({ input, ctx }) => listOrders(ctx.db, input, input)),

  adminCounts: adminProcedure.input(filterInput.omit({ status: true })).query(({ input, ctx }) => countOrdersByStatus(ctx.db, input)),

  adminGet: adminProcedure.input(z.object({ orderId: z.uuid() })).query(({ input, ctx }) => getOrder(ctx.db, input.orderId, null)),

  adminTimeline: adminProcedure.input(z.object({ orderId: z.uuid() })).query(({ input, ctx }) => orderTimeline(ctx.db, input.orderId)),
} satisfies TRPCRouterRecord;
