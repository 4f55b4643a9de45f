import Link from 'next/link';
import type { ReactNode } from 'react';

/** The heading of a page about one thing: the way back to its list, its name, a line under it, and its status. */
export function DetailHeader({
  back,
  title,
  children,
  status,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  children?: ReactNode;
  status?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <Link href={back.href} className="back-link">
          ← {back.label}
        </Link>
        <h1>{title}</h1>
        {children}
      </div>
      {status ? <div className="row">{status}</div> : null}
    </div>
  );
}
