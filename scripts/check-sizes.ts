// Lists the source files over 300 lines and the functions over 80, outside tests and generated code; exits 1 when
// there are any. `npx tsx scripts/check-sizes.ts [--json]`
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureSizes } from './codebase/measure-sizes.js';
import { codeFile, isGenerated, isTestCode, styleFile, trackedFiles } from './codebase/source-files.js';

const maxFileLines = 300;
const maxFunctionLines = 80;

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const repoRoot = path.resolve(import.meta.dirname, '..');
const files = trackedFiles(repoRoot).filter(
  (file) => (codeFile.test(file) || styleFile.test(file)) && !isTestCode(file) && !isGenerated(file),
);

const longFiles: { file: string; lines: number }[] = [];
const longFunctions: { file: string; name: string; line: number; lines: number }[] = [];
for (const file of files) {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const size = measureSizes(file, text);
  if (size.lines > maxFileLines) longFiles.push({ file, lines: size.lines });
  if (styleFile.test(file)) continue;
  for (const fn of size.functions) if (fn.lines > maxFunctionLines) longFunctions.push({ file, ...fn });
}
longFiles.sort((a, b) => b.lines - a.lines);
longFunctions.sort((a, b) => b.lines - a.lines);

const report = values.json
  ? [JSON.stringify({ maxFileLines, maxFunctionLines, files: files.length, longFiles, longFunctions }, null, 2)]
  : [
      `${files.length} source files read (tests and generated code left out)`,
      `files over ${maxFileLines} lines: ${longFiles.length}`,
      ...longFiles.map(({ file, lines }) => `  ${lines}\t${file}`),
      `functions over ${maxFunctionLines} lines: ${longFunctions.length}`,
      ...longFunctions.map(({ file, name, line, lines }) => `  ${lines}\t${file}:${line}\t${name}`),
    ];
process.stdout.write(`${report.join('\n')}\n`);
process.exitCode = longFiles.length + longFunctions.length > 0 ? 1 : 0;
