import { serviceNames } from '@food/contracts';
import { describe, expect, it } from 'vitest';
import { stackUrl } from './support/stack.js';

describe('service health over real HTTP', () => {
  it.each(serviceNames)('%s answers its tRPC health procedure with a working database', async (service) => {
    const response = await fetch(`${stackUrl(service)}/trpc/${service}.health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    const body = (await response.json()) as { result: { data: { service: string; status: string; checks: object } } };
    expect(body.result.data).toMatchObject({ service, status: 'ok', checks: { database: { ok: true } } });
  });

  it.each(serviceNames)('%s health is reachable through the gateway', async (service) => {
    const response = await fetch(`${stackUrl('gateway')}/trpc/${service}.health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { service: string } } };
    expect(body.result.data.service).toBe(service);
  });

  it('the gateway reports every upstream as up', async () => {
    const response = await fetch(`${stackUrl('gateway')}/health`);
    const body = (await response.json()) as { status: string; upstreams: Record<string, { ok: boolean }> };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.upstreams).sort()).toEqual([...serviceNames].sort());
  });

  it('the gateway answers an unknown service with 404, not a 500', async () => {
    const response = await fetch(`${stackUrl('gateway')}/trpc/kitchen.health`);
    expect(response.status).toBe(404);
  });

  it('the web console serves its status page', async () => {
    const response = await fetch(stackUrl('web'));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('System status');
    expect(html).toContain('notification');
  });
});
