import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { run, say } from './run.mjs';

const stampFile = path.join(repoRoot, 'node_modules', '.food-install-stamp');

function lockHash() {
  return createHash('sha256').update(readFileSync(path.join(repoRoot, 'package-lock.json'))).digest('hex');
}

/** `npm ci` on a fresh clone or when package-lock.json changed since the last install; otherwise nothing. */
export async function ensureDependencies() {
  const wanted = lockHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) {
    say('  dependencies are up to date');
    return;
  }
  await run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, wanted);
}
