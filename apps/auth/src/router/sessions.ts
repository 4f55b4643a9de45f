import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { emailAddress } from '../domain/email-address.js';
import { newPassword, presentedPassword } from '../domain/password-rules.js';
import { requiredString } from '../domain/required-string.js';
import { continueSession, endSession, startSession } from '../sessions.js';
import { publicProcedure } from '../trpc.js';
import { authenticateUser } from '../users/authenticate-user.js';
import { registerCustomer } from '../users/register-customer.js';

const personName = requiredString()
  .max(100, { message: 'must be at most 100 characters', abort: true })
  .trim()
  .min(1, 'must not be empty');

// Issued tokens are 43 characters; the bound only keeps absurd input out.
const refreshToken = requiredString()
  .min(1, 'is required')
  .max(200, 'is not a refresh token (too long)');

export const sessionProcedures = {
  register: publicProcedure
    .input(z.object({ email: emailAddress, password: newPassword, name: personName }))
    .mutation(async ({ ctx, input }) => {
      const user = await registerCustomer(ctx.service.db, input);
      ctx.logger.info('user registered', { userId: user.id });
      return startSession(ctx.service, user);
    }),

  login: publicProcedure
    .input(z.object({ email: emailAddress, password: presentedPassword }))
    .mutation(async ({ ctx, input }) => {
      const user = await authenticateUser(
        ctx.service.db,
        ctx.service.loginThrottle,
        { ...input, clientIp: ctx.clientIp },
        ctx.logger,
      );
      ctx.logger.info('signed in', { userId: user.id });
      return startSession(ctx.service, user);
    }),

  refresh: publicProcedure
    .input(z.object({ refreshToken }))
    .mutation(({ ctx, input }) => continueSession(ctx.service, input.refreshToken)),

  logout: publicProcedure.input(z.object({ refreshToken })).mutation(async ({ ctx, input }) => {
    await endSession(ctx.service, input.refreshToken);
    return { signedOut: true as const };
  }),
} satisfies TRPCRouterRecord;
