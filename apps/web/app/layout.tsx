import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { currentUser } from '@/auth/current-user';
import { LiveFeedProvider } from '@/layout/live-feed';
import { SiteHeader } from '@/layout/site-header';
import { ToastProvider } from '@/layout/toast-provider';
import { AppProviders } from '@/trpc/app-providers';
// The style sheets in the order of the cascade: later files override earlier ones.
import './globals.css';
import './styles/header.css';
import './styles/controls.css';
import './styles/states.css';
import './styles/data.css';
import './styles/shop.css';
import './styles/overlays.css';
import './styles/narrow-screens.css';
import './styles/admin.css';

export const metadata: Metadata = {
  title: { default: 'Food ordering', template: '%s · Food ordering' },
  description: 'Order food, follow your orders, and operate the platform.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const main = (
    <main id="main" className="page" tabIndex={-1}>
      {children}
    </main>
  );
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <AppProviders>
          <ToastProvider>
            <SiteHeader user={user} />
            {user ? <LiveFeedProvider>{main}</LiveFeedProvider> : main}
          </ToastProvider>
        </AppProviders>
      </body>
    </html>
  );
}
