import { proceduresWith } from '@food/service-kit';
import type { AuthService } from './auth-service.js';

/**
 * What the auth procedures work with, from their context (the HTTP server's, or a test's inner context): the
 * service's dependencies, and the caller's address for login throttling (null when unknown).
 */
export interface AuthDependencies {
  service: AuthService;
  clientIp: string | null;
}

export const { publicProcedure, authedProcedure, adminProcedure } = proceduresWith<AuthDependencies>('auth');
