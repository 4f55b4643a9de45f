// CPU time of the processes a bench measures, read from /proc: user + system ticks of each pid, summed per group
// (one group per service, one for the broker, one for PostgreSQL's backends of the bench's databases).
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ on Linux

/** User + system CPU milliseconds a process has used so far, or undefined when it is gone. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it start past its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MiB, or NaN when it is gone. */
export function residentMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * PostgreSQL's server processes that work for the given databases: their backends (the process title names the
 * database) and the shared ones (checkpointer, WAL writer...). Other stacks on the same server are left out.
 */
export function postgresPids(databaseNames: readonly string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {
      continue;
    }
    if (!title.startsWith('postgres:')) continue;
    const isShared = /^postgres: (?:\S+: )?(checkpointer|background writer|walwriter|autovacuum launcher)/.test(title);
    if (isShared || databaseNames.some((name) => title.includes(` ${name} `))) pids.push(Number(entry));
  }
  return pids;
}

export type ProcessGroups = Record<string, () => number[]>;

/**
 * A CPU meter over named groups of processes: `start()` notes each group's CPU, `read()` gives the milliseconds
 * each used since. Group members are looked up again at each reading (PostgreSQL starts backends as pools grow);
 * a process seen only at the end counts from zero, which it was when it started within the window.
 */
export function cpuMeter(groups: ProcessGroups) {
  let startedAt = 0;
  let baseline = new Map<number, number>();
  const snapshot = () => {
    const taken = new Map<number, number>();
    for (const pidsOf of Object.values(groups)) {
      for (const pid of pidsOf()) {
        const ms = cpuMsOf(pid);
        if (ms !== undefined) taken.set(pid, ms);
      }
    }
    return taken;
  };
  return {
    start() {
      startedAt = performance.now();
      baseline = snapshot();
    },
    /** Milliseconds of CPU per group since `start()`, and the wall-clock milliseconds of the window. */
    read(): { wallMs: number; cpuMs: Record<string, number> } {
      const cpuMs: Record<string, number> = {};
      for (const [name, pidsOf] of Object.entries(groups)) {
        let total = 0;
        for (const pid of pidsOf()) {
          const now = cpuMsOf(pid);
          if (now !== undefined) total += now - (baseline.get(pid) ?? 0);
        }
        cpuMs[name] = total;
      }
      return { wallMs: performance.now() - startedAt, cpuMs };
    },
  };
}
