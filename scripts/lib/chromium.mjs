import { existsSync } from 'node:fs';
import { run, say, StepError } from './run.mjs';

export const chromiumPath = '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium (Playwright may not download its own here). Installs it with apt when
 * missing and the run is root; otherwise says how.
 */
export async function ensureChromium() {
  if (existsSync(chromiumPath)) {
    say(`  ${chromiumPath} is installed`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new StepError(`Chromium is missing at ${chromiumPath}; install it with: sudo apt-get install -y chromium`);
  }
  say('  installing Debian chromium (first run only)…');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
