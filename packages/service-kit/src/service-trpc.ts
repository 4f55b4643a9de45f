import { DomainError, trpcCodeOf, type AuthenticatedUser } from '@food/contracts';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { isDatabaseInterruption, isDatabaseOverload } from './database-overload.js';
import type { Logger } from './logger.js';
import { overloadedError } from './overload-answer.js';
import { findUnsafeText } from './unsafe-text.js';

/** What every service's tRPC context has; services add their own (db, provider, …). */
export interface ServiceContext {
  correlationId: string;
  /** The verified caller, or null for an anonymous request. */
  user: AuthenticatedUser | null;
  /** Why a presented token was refused, so the procedure can say 401 with a reason. */
  authError: string | null;
  logger: Logger;
  /** The service's own dependencies (db, clock, provider…), typed by its procedure kinds (procedures-with.ts). */
  dependencies?: object;
}

/**
 * The one tRPC instance of every service (each runs in its own process), with the platform's error vocabulary:
 * a `DomainError` becomes its tRPC code (and HTTP status), input validation failures name each field, and
 * internal errors never leak their message. Sharing it gives every service router the same root types, so the
 * client's AppRouter is a plain merge of their records.
 */
const t = initTRPC.context<ServiceContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const validation =
      cause instanceof ZodError
        ? cause.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }))
        : undefined;
    const message =
      validation !== undefined
        ? `invalid input: ${validation.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? 'internal error'
          : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: cause instanceof DomainError ? cause.code : validation ? 'VALIDATION_FAILED' : null,
        validation: validation ?? null,
      },
    };
  },
});

/** A procedure's failure as the platform's vocabulary: its DomainError, or OVERLOADED when the database had no room. */
function domainErrorOf(cause: unknown): DomainError | undefined {
  if (cause instanceof DomainError) return cause;
  if (isDatabaseOverload(cause)) {
    return overloadedError('the service is at capacity (no database connection came free in time); retry later');
  }
  if (isDatabaseInterruption(cause)) {
    return overloadedError('the database could not finish this request (busy or reconnecting); retry later');
  }
  return undefined;
}

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? undefined : domainErrorOf(result.error.cause);
  if (cause) throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  return result;
});

/** Refuses, with a 400 naming the field, text no service could store safely (see unsafe-text.ts). */
const refuseUnsafeText = t.middleware(async ({ getRawInput, next }) => {
  const field = findUnsafeText(await getRawInput());
  if (field) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `invalid input: ${field}: text may not contain NUL characters or unpaired surrogates`,
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(refuseUnsafeText);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.authError ?? 'sign in first: no access token' });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'ADMIN') throw new TRPCError({ code: 'FORBIDDEN', message: 'admins only' });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
