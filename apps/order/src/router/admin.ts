import { adminProcedure } from '@food/service-kit';
import { z } from 'zod';
import { db } from '../db.js';
import { orderStatuses } from '../domain/order-status.js';
import { countOrdersByStatus, getOrder, listOrders, orderTimeline } from '../orders/order-views.js';

const filterInput = z.object({
  status: z.enum(orderStatuses).optional(),
  userId: z.string().max(100).optional(),
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
});

export const orderAdminProcedures = {
  adminList: adminProcedure
    .input(filterInput.extend({ limit: z.number().int().min(1).max(200).default(50), cursor: z.uuid().optional() }))
    .query(({ input }) => listOrders(db, input, input)),

  adminCounts: adminProcedure.input(filterInput.omit({ status: true })).query(({ input }) => countOrdersByStatus(db, input)),

  adminGet: adminProcedure.input(z.object({ orderId: z.uuid() })).query(({ input }) => getOrder(db, input.orderId, null)),

  adminTimeline: adminProcedure.input(z.object({ orderId: z.uuid() })).query(({ input }) => orderTimeline(db, input.orderId)),
};
