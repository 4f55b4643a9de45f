import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../../scripts/lib/stop-process.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A port nobody listens on right now (the OS's choice), for a process a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  url: string;
  /** What the process wrote (its JSON log lines), for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts one more instance of a built app (`apps/<app>/dist/main.js`, as the stack runs them) with the given
 * settings on a free port, and waits until `healthPath` answers (any status below 600 from a listening server).
 */
export async function startAppProcess(app: string, env: Record<string, string>, healthPath: string): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: path.join(repoRoot, 'apps', app),
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const started: AppProcess = { url, output: () => output, stop: () => stopProcess(child) };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode}:\n${output}`);
    try {
      await fetch(url + healthPath, { signal: AbortSignal.timeout(2000) });
      return started;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await started.stop();
      throw new Error(`${app} did not answer ${url}${healthPath} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
