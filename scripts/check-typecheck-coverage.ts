// Every TypeScript file in the tree belongs to a project that `npm run typecheck` checks; lists those that do not
// and exits 1. Run by `npm run typecheck` after tsc.
import path from 'node:path';
import { isGenerated, trackedFiles, typeScriptFile } from './codebase/source-files.js';
import { filesOfProject, typecheckProjects } from './codebase/typecheck-projects.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const projects = typecheckProjects(repoRoot);
const checked = new Set(projects.flatMap((project) => filesOfProject(project)).map((file) => path.resolve(file)));
const unchecked = trackedFiles(repoRoot).filter(
  (file) => typeScriptFile.test(file) && !isGenerated(file) && !checked.has(path.join(repoRoot, file)),
);

if (unchecked.length === 0) {
  process.stdout.write(`typecheck covers every TypeScript file (${projects.length} projects)\n`);
} else {
  process.stderr.write(`not in any project that npm run typecheck checks:\n${unchecked.map((file) => `  ${file}\n`).join('')}`);
  process.exitCode = 1;
}
