import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * Nothing to show, said as a title, a line of why or what next, and where to go from here (a button-styled link);
 * `card` sets it on a card of its own.
 */
export function EmptyState({
  title,
  children,
  link,
  card = false,
}: {
  title: string;
  children?: ReactNode;
  link?: { href: string; label: string } | undefined;
  card?: boolean;
}) {
  const state = (
    <div className="empty-state">
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {link ? (
        <Link href={link.href} className="button">
          {link.label}
        </Link>
      ) : null}
    </div>
  );
  return card ? <div className="card">{state}</div> : state;
}
