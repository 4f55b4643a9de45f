import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface PackageJson {
  workspaces?: string[];
  scripts?: Record<string, string>;
}

function readPackageJson(folder: string): PackageJson {
  return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
}

/** The tsconfig files a `typecheck` script hands to tsc (`tsc -p x`, or the folder's tsconfig.json without -p). */
function projectsOfScript(folder: string, script: string | undefined): string[] {
  if (!script) return [];
  return script
    .split('&&')
    .map((command) => command.trim().split(/\s+/))
    .filter((words) => words[0] === 'tsc')
    .map((words) => {
      const flag = words.findIndex((word) => word === '-p' || word === '--project');
      return path.join(folder, flag >= 0 ? (words[flag + 1] ?? 'tsconfig.json') : 'tsconfig.json');
    });
}

/** Every tsconfig that `npm run typecheck` checks: the root's own and each workspace's (turbo runs their typecheck). */
export function typecheckProjects(repoRoot: string): string[] {
  const root = readPackageJson(repoRoot);
  const workspaces = (root.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [path.join(repoRoot, pattern)];
    const parent = path.join(repoRoot, pattern.slice(0, -2));
    return readdirSync(parent).map((name) => path.join(parent, name));
  });
  return [
    ...projectsOfScript(repoRoot, root.scripts?.typecheck),
    ...workspaces
      .filter((folder) => existsSync(path.join(folder, 'package.json')))
      .flatMap((folder) => projectsOfScript(folder, readPackageJson(folder).scripts?.typecheck)),
  ];
}

/** The files a tsconfig puts in its program by include/exclude/files (not what they import). */
export function filesOfProject(configFile: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${configFile}: not a tsconfig`);
  return parsed.fileNames;
}
