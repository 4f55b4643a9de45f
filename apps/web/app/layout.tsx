import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Food ordering',
  description: 'Order food, follow your orders, and operate the platform.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Food ordering
          </a>
        </header>
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
