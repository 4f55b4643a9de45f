import Link from 'next/link';
import { SignOutButton } from '@/layout/sign-out-button';

export default function Forbidden() {
  return (
    <section className="error-page" aria-labelledby="forbidden-heading" data-testid="forbidden">
      <p className="error-code" aria-hidden="true">
        403
      </p>
      <h1 id="forbidden-heading">This page is for administrators</h1>
      <p className="muted">
        Your account can order food and follow your orders, but not operate the platform.
      </p>
      <div className="row">
        <Link href="/" className="button">
          Go to the menu
        </Link>
        <Link href="/orders" className="button button-secondary">
          My orders
        </Link>
        <SignOutButton />
      </div>
    </section>
  );
}
