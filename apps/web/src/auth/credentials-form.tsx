'use client';
import Link from 'next/link';
import { TextField } from '../components/text-field';
import { SignInProblemAlert } from './sign-in-problem-alert';
import { useCredentialsForm } from './use-credentials-form';

export interface CredentialField {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  minLength?: number;
  maxLength?: number;
  hint?: string;
}

/** What makes the sign-in form or the register form. */
export interface CredentialsFormSetup {
  intent: 'sign-in' | 'register';
  fields: readonly CredentialField[];
  /** The button's label, its label while pending, and what a screen reader hears meanwhile. */
  button: { label: string; pending: string; announcement: string };
  /** The way to the other form. */
  other: { question: string; path: string; label: string };
}

/** A path with the page to come back to after signing in, when there is one. */
const withCallback = (path: string, callbackUrl: string | null) =>
  callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;

/**
 * The sign-in and the register form: the fields, the problem (focused, with its fields' errors beside them), the
 * button with what it is doing, and the way to the other form, keeping the page to come back to.
 */
export function CredentialsForm({
  form: { intent, fields, button, other },
  callbackUrl,
}: {
  form: CredentialsFormSetup;
  callbackUrl: string | null;
}) {
  const { problem, pending, submit } = useCredentialsForm(intent, callbackUrl);
  const otherHref = withCallback(other.path, callbackUrl);
  const signInHref = intent === 'register' ? otherHref : undefined;
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={pending}>
      {problem ? <SignInProblemAlert problem={problem} signInHref={signInHref} /> : null}
      {fields.map((field) => (
        <TextField key={field.name} required {...field} error={problem?.fields[field.name]} />
      ))}
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? button.pending : button.label}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {pending ? button.announcement : null}
      </p>
      <p>
        {other.question} <Link href={otherHref}>{other.label}</Link>
      </p>
    </form>
  );
}
