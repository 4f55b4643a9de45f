import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/auth/auth-options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The options are built on first request, not at import: `next build` loads this module without the secret.
function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request, context, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
