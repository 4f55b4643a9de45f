// Small helpers the launcher's steps share: a collected child process, output tails, messages.
import { spawn } from 'node:child_process';
import { say as sayLine } from '../lib/run.mjs';
import { ROOT } from './paths.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const say = (msg) => sayLine(`kafka: ${msg}`);
export const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command, collecting output. Resolves {code, stdout, stderr}; code -1 + error if it could not start. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    } catch (error) {
      resolve({ code: -1, stdout, stderr, error });
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function tail(text, n = 20) {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}
