import { describe, expect, it } from 'vitest';
import { refusalOfStateChangingCall } from './state-changing-call';

const own = 'http://127.0.0.1:3000';
const refusal = (headers: Record<string, string>) =>
  refusalOfStateChangingCall(new Headers(headers), own)?.code ?? null;

describe('refusalOfStateChangingCall', () => {
  it('accepts JSON from this origin, and from a client that names no origin (not a browser)', () => {
    expect(
      refusal({ 'content-type': 'application/json', origin: own, 'sec-fetch-site': 'same-origin' }),
    ).toBeNull();
    expect(refusal({ 'content-type': 'application/json; charset=utf-8' })).toBeNull();
  });

  it('refuses what an HTML form can send, whatever its origin', () => {
    for (const type of [
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'text/plain',
    ])
      expect(refusal({ 'content-type': type, origin: own })).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal({ origin: own })).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses another origin, another port of the same host included, and a cross-site fetch', () => {
    expect(refusal({ 'content-type': 'application/json', origin: 'http://127.0.0.1:3001' })).toBe(
      'FORBIDDEN',
    );
    expect(refusal({ 'content-type': 'application/json', origin: 'null' })).toBe('FORBIDDEN');
    expect(refusal({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' })).toBe(
      'FORBIDDEN',
    );
    expect(refusal({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).toBe(
      'FORBIDDEN',
    );
  });
});
