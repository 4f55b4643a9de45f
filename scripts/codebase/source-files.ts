import { execFileSync } from 'node:child_process';

/** The files the size and typecheck rules speak of: what git tracks, plus what it would track (untracked, not ignored). */
export function trackedFiles(repoRoot: string): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(output.split('\0').filter((file) => file !== ''))].sort();
}

export const typeScriptFile = /\.(ts|tsx|mts|cts)$/;
export const codeFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
export const styleFile = /\.css$/;

const testFile = /\.test\.(ts|tsx|mts|js|mjs)$/;
const testFolders = new Set(['test', 'tests', 'e2e', 'test-support', 'testing']);

/** Test code: `*.test.ts` files and everything under a test folder (its support modules and fixtures too). */
export function isTestCode(file: string): boolean {
  if (testFile.test(file)) return true;
  return file.split('/').slice(0, -1).some((folder) => testFolders.has(folder));
}

/** Written by a tool, not by us: Prisma's clients, Next's type shims, declaration files. */
export function isGenerated(file: string): boolean {
  return file.split('/').includes('generated') || file.endsWith('.d.ts');
}
