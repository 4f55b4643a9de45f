import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="error-page" aria-labelledby="not-found-heading">
      <p className="error-code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-heading">We could not find that page</h1>
      <p className="muted">The link may be old, or the page has moved.</p>
      <div className="row">
        <Link href="/" className="button">
          Go to the menu
        </Link>
      </div>
    </section>
  );
}
