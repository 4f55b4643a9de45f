'use client';
import { ActionButtons } from '../../components/action-buttons';

/** How many are shown or selected, and the actions on a selection or on everything the filter matches. */
export function DeadLetterToolbar({
  selected,
  shown,
  total,
  heldBack,
  busy,
  discardedOnly,
  anyQueue,
  onReplay,
  onDiscard,
  onReplayMatching,
}: {
  selected: number;
  shown: number;
  total: number;
  heldBack: number;
  busy: boolean;
  discardedOnly: boolean;
  anyQueue: boolean;
  onReplay: () => void;
  onDiscard: () => void;
  onReplayMatching: () => void;
}) {
  return (
    <div className="spread" role="toolbar" aria-label="Dead-letter actions">
      <span className="small muted" aria-live="polite">
        {selected
          ? `${selected} selected`
          : `${shown} shown of ${total}${heldBack ? `, ${heldBack} more after loading` : ''}`}
      </span>
      <div className="row">
        <ActionButtons
          actions={[
            {
              label: `Replay selected${selected ? ` (${selected})` : ''}`,
              className: 'button button-small',
              disabled: !selected || busy,
              onClick: onReplay,
            },
            {
              label: 'Discard selected…',
              className: 'button button-secondary button-small',
              disabled: !selected || busy,
              onClick: onDiscard,
            },
            {
              label: 'Replay all matching…',
              className: 'button button-secondary button-small',
              disabled: busy || discardedOnly || !anyQueue,
              title: discardedOnly
                ? 'Discarded and resolved dead letters are not replayed'
                : undefined,
              onClick: onReplayMatching,
            },
          ]}
        />
      </div>
    </div>
  );
}
