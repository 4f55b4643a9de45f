import type { ReactNode } from 'react';
import { safeCallbackPath } from './protected-paths';
import { searchParam } from './search-param';

/** The narrow card a visitor signs in or registers on. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page-narrow">
      <div className="card auth-card">
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

/** The page to go back to after signing in, from `?callbackUrl=`, when it is a path of this site. */
export function callbackUrlOf(
  params: Record<string, string | string[] | undefined>,
): string | null {
  const callbackUrl = searchParam(params, 'callbackUrl');
  return callbackUrl ? safeCallbackPath(callbackUrl) : null;
}
