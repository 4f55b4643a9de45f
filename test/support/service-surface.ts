import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ProcedureType } from './trpc-http.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

export interface ServiceSurface {
  /** Every procedure of the four service routers, by path: `order.create` → `mutation`. */
  procedures: Record<string, ProcedureType>;
  /** The topics each consuming service has a handler for. */
  consumedTopics: Record<'order' | 'payment' | 'notification', string[]>;
}

/**
 * What the services expose, read from their source: `router._def.procedures` and the keys of each events/handlers.ts.
 *
 * Importing those modules here is not safe: they import the service's db.ts, which parses its environment (exiting
 * the process on a bad setting) and builds a database client. So a child process imports them, with an environment
 * of its own, and prints what the test needs.
 */
export async function readServiceSurface(): Promise<ServiceSurface> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join(here, 'print-service-surface.ts')],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'error' },
      timeout: 60_000,
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as ServiceSurface;
}
