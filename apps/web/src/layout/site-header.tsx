import Link from 'next/link';
import type { SessionUser } from '../auth/session-user';
import { NotificationBell } from './notification-bell';
import { PrimaryNav } from './primary-nav';
import { SignOutButton } from './sign-out-button';

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link href={user?.role === 'ADMIN' ? '/admin/orders' : '/'} className="brand">
          Food ordering
          {user?.role === 'ADMIN' ? <span className="brand-role">Admin</span> : null}
        </Link>
        <PrimaryNav role={user?.role ?? null} />
        <div className="account">
          {user ? (
            <>
              <NotificationBell />
              <span className="account-name" data-testid="account-name" title={user.email}>
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="button button-ghost button-small">
                Sign in
              </Link>
              <Link href="/register" className="button button-small">
                Create account
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
