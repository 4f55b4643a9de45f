'use client';
import type { Role } from '@food/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links: Record<Role | 'VISITOR', Array<{ href: string; label: string }>> = {
  VISITOR: [{ href: '/', label: 'Menu' }],
  CUSTOMER: [
    { href: '/', label: 'Menu' },
    { href: '/orders', label: 'My orders' },
    { href: '/notifications', label: 'Notifications' },
  ],
  ADMIN: [
    { href: '/admin/orders', label: 'Orders' },
    { href: '/admin/dead-letters', label: 'Dead letters' },
    { href: '/admin/payments', label: 'Payments' },
    { href: '/admin/notifications', label: 'Notifications' },
    { href: '/admin/system', label: 'System' },
    { href: '/', label: 'Menu' },
  ],
};

const isCurrent = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

/** Customers see ordering; admins see the console (and the menu, to try an order themselves). */
export function PrimaryNav({ role }: { role: Role | null }) {
  const pathname = usePathname();
  return (
    <nav className="primary-nav" aria-label="Main">
      <ul>
        {links[role ?? 'VISITOR'].map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
