import { describe, expect, it } from 'vitest';
import { findUnsafeText, storableText } from './unsafe-text.js';

describe('unsafe text', () => {
  it('finds NUL and unpaired surrogates, naming where', () => {
    expect(findUnsafeText({ items: [{ name: 'ok' }, { name: 'bad\u0000' }] })).toBe('items.1.name');
    expect(findUnsafeText({ address: 'lone \ud800 surrogate' })).toBe('address');
    expect(findUnsafeText('\u0000')).toBe('(input)');
    expect(findUnsafeText({ ['k\u0000']: 1 })).toBe('(a key)');
  });

  it('lets ordinary unicode through', () => {
    expect(findUnsafeText({ name: 'Zoë 🍕 مرحبا', quantity: 2, nested: { list: ['𝄞', null, true] } })).toBeNull();
  });

  it('makes text storable without losing the rest', () => {
    expect(storableText('a\u0000b\ud800c')).toBe('a\uFFFDb\uFFFDc');
  });
});
