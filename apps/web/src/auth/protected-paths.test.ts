import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './protected-paths';

describe('safeCallbackPath', () => {
  it('keeps a path of this site with its query and hash', () => {
    expect(safeCallbackPath('/orders')).toBe('/orders');
    expect(safeCallbackPath('/admin/orders?status=PENDING_PAYMENT#top')).toBe(
      '/admin/orders?status=PENDING_PAYMENT#top',
    );
  });

  // Finding 4 of issue 12: `/\t/evil.example/` went out as a redirect that browsers read as `//evil.example/`.
  it.each([
    '//evil.example/',
    '/\t/evil.example/',
    '/\n/x',
    '/\r\n/x',
    '/\\evil.example',
    '/\\/evil.example',
    '/%2F/evil.example',
    '/ /evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /orders',
    '/orders\u0000',
    '/\u0085x',
    '',
  ])('sends %j home', (candidate) => {
    const path = safeCallbackPath(candidate);
    expect(path === '/' || (path.startsWith('/') && !path.startsWith('//'))).toBe(true);
    expect(new URL(path, 'http://console.test').origin).toBe('http://console.test');
  });

  it('sends the probe’s targets to the home page exactly', () => {
    for (const candidate of ['/\t/evil.example/', '/\n/x', '/\\evil.example', '//evil.example'])
      expect(safeCallbackPath(candidate)).toBe('/');
  });
});
