'use client';
import { useId, useState, type ReactNode } from 'react';
import { DialogActions } from '../../components/dialog-actions';
import { ModalDialog } from '../../components/modal-dialog';

const rates = [5, 20, 50] as const;

export interface DeadLetterActionChoice {
  /** The reason or note typed in ('' when the dialog asks for none). */
  text: string;
  /** Replays per second, when the dialog asks for a rate. */
  rate: number;
}

/** What the dialogs built on this one (discard, resolve) are given by the page. */
export interface TextDialogProps {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (text: string) => void;
}

function RateField({
  id,
  rate,
  onChange,
}: {
  id: string;
  rate: number;
  onChange: (rate: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Rate</label>
      <select
        id={id}
        className="select"
        value={rate}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {rates.map((perSecond) => (
          <option key={perSecond} value={perSecond}>
            {perSecond} per second
          </option>
        ))}
      </select>
      <p className="field-hint">
        Each goes back to the consumer that failed it; fix the cause first.
      </p>
    </div>
  );
}

function TextField({
  id,
  label,
  required,
  value,
  missing,
  onChange,
}: {
  id: string;
  label: string;
  required: boolean;
  value: string;
  missing: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted"> (optional)</span>}
      </label>
      <textarea
        id={id}
        className="textarea"
        value={value}
        maxLength={500}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
      />
      {missing ? (
        <p id={`${id}-error`} className="field-error">
          {`${label} is required.`}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Confirms an action on one or more dead letters (discard, resolve, replay a group): what it does (children), and
 * what the action records: a reason (required) or a note (optional), or the rate of a replay.
 */
export function DeadLetterActionDialog({
  open,
  title,
  children,
  text,
  askRate = false,
  confirmLabel,
  danger = false,
  busy,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  text?: { label: string; required: boolean };
  askRate?: boolean;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (choice: DeadLetterActionChoice) => void;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [rate, setRate] = useState<number>(20);
  const [missing, setMissing] = useState(false);
  const close = () => {
    setValue('');
    setMissing(false);
    onClose();
  };
  return (
    <ModalDialog open={open} title={title} onClose={close}>
      {children}
      {askRate ? <RateField id={`${id}-rate`} rate={rate} onChange={setRate} /> : null}
      {text ? (
        <TextField
          id={id}
          label={text.label}
          required={text.required}
          value={value}
          missing={missing}
          onChange={(next) => {
            setValue(next);
            setMissing(false);
          }}
        />
      ) : null}
      <DialogActions
        onCancel={close}
        disabled={busy}
        danger={danger}
        testId="confirm-dead-letter-action"
        onConfirm={() => {
          if (text?.required && !value.trim()) return setMissing(true);
          onConfirm({ text: value.trim(), rate });
          setValue('');
        }}
      >
        {confirmLabel}
      </DialogActions>
    </ModalDialog>
  );
}
