// Keeps two concurrent `start`s (e.g. npm start + npm test) from spawning two brokers.
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './broker-process.mjs';
import { HOME, LOCK_FILE, ROOT } from './paths.mjs';
import { sleep } from './shell.mjs';

export async function withStartLock(fn) {
  fs.mkdirSync(HOME, { recursive: true });
  const deadline = Date.now() + 600_000; // the holder may be downloading jars
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim() || 0);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(LOCK_FILE, { force: true }); // stale lock from a crashed run
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `another kafka.mjs (pid ${holder}) holds ${path.relative(ROOT, LOCK_FILE)}`,
        );
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_FILE, { force: true });
  }
}
