// Summarises V8 CPU profiles (.cpuprofile, from `node --cpu-prof`): the top self-time functions of each, and the
// share of time by package (node_modules/<package>, our own workspaces, Node internals, garbage collection).
//   npx tsx scripts/bench/profile-summary.ts <dir-or-file>... [--top 25] [--skip-seconds 30]
// --skip-seconds leaves out the process's start (module loading), so the figures are those of the load;
// --until-seconds ends the window (an idle stretch, say).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { say } from '../lib/run.mjs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
    top: { type: 'string', default: '25' },
    'skip-seconds': { type: 'string', default: '0' },
    'until-seconds': { type: 'string', default: 'Infinity' },
  },
});
const top = Number(values.top);
const skipMicros = Number(values['skip-seconds']) * 1_000_000;
const untilMicros = Number(values['until-seconds']) * 1_000_000;

function ownerOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return 'native';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return 'other';
}

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < skipMicros || at > untilMicros) continue;
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const owner = ownerOf(url, functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    if (owner === '(idle)') continue;
    busy += ms;
    const where = url ? `${url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const wall = (Math.min(profile.endTime - profile.startTime, untilMicros) - skipMicros) / 1000;
  say(`\n## ${path.basename(file)}: ${Math.round(busy)} ms busy of ${Math.round(wall)} ms`);
  say('by package:');
  for (const [owner, ms] of [...byOwner].filter(([owner]) => owner !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    say(`  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${owner}`);
  }
  say('top functions (self time):');
  for (const [key, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    say(`  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}

for (const target of positionals) {
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(target, name))
    : [target];
  for (const file of files) summarise(file);
}
