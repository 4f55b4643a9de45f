import { spawn } from 'node:child_process';
import { repoRoot } from './paths.mjs';

/** A command-line tool's report to the person who ran it (a step, a result, what went wrong): one line of text. */
export const say = (/** @type {string} */ line) => {
  process.stdout.write(`${line}\n`);
};

export class StepError extends Error {}

/** Runs a command to completion with inherited output; rejects with a message naming the command. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new StepError(`${command} could not start: ${error.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new StepError(`'${command} ${args.join(' ')}' failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Measures a step and prints how long it took. */
export async function step(name, action) {
  const started = Date.now();
  say(`▸ ${name}`);
  const result = await action();
  say(`  ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}
