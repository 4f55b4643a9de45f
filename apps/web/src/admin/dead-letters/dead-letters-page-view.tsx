'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { DeadLetterGroupsView } from './dead-letter-groups-view';
import { DeadLettersView } from './dead-letters-view';

/** The dead-letter page: grouped by kind of failure (the default), or every message; the filters stay. */
export function DeadLettersPageView() {
  const searchParams = useSearchParams();
  const view = searchParams.get('view') === 'messages' ? 'messages' : 'groups';
  const hrefOf = (next: 'groups' | 'messages') => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('group');
    if (next === 'messages') params.set('view', 'messages');
    else params.delete('view');
    const search = params.toString();
    return search ? `/admin/dead-letters?${search}` : '/admin/dead-letters';
  };
  return (
    <div className="stack">
      <nav className="view-tabs" aria-label="Dead-letter views">
        {(['groups', 'messages'] as const).map((tab) => (
          <Link
            key={tab}
            href={hrefOf(tab)}
            className="view-tab"
            aria-current={view === tab ? 'page' : undefined}
            data-testid={`dead-letter-view-${tab}`}
          >
            {tab === 'groups' ? 'Groups' : 'All messages'}
          </Link>
        ))}
      </nav>
      {view === 'groups' ? <DeadLetterGroupsView /> : <DeadLettersView />}
    </div>
  );
}
