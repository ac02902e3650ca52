/**
 * Runs a command and measures it: wall time, the peak resident memory of its WHOLE process
 * tree (npm -> node -> astro workers, pagefind wrapper -> pagefind binary …) and the CPU time the
 * tree took. /usr/bin/time and process.resourceUsage() see one process only; here /proc is polled
 * every `intervalMs` and the RSS of every descendant is summed. Shared pages are counted once per
 * process (the usual "sum of RSS"), so the figure is an upper bound of what the tree needs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

export interface Measured {
  command: string;
  exitCode: number | null;
  wallMs: number;
  /** Peak of the summed RSS of the process and all its descendants, bytes. */
  peakRssBytes: number;
  /** Most processes alive in the tree at one poll. */
  peakProcesses: number;
  /**
   * CPU time (user + system) of the whole tree, ms: on two cores a command bound by its CPU takes
   * about half this in wall time. Counts the processes their parents waited for (all of ours).
   */
  cpuMs: number;
  stdout: string;
  stderr: string;
}

interface ProcInfo {
  ppid: number;
  rssPages: number;
}

/** ppid and RSS of every process, from /proc/<pid>/stat (fields after the command name). */
function snapshot(): Map<number, ProcInfo> {
  const out = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] = state (field 3), rest[1] = ppid (4), rest[21] = rss in pages (24)
      out.set(pid, { ppid: Number(rest[1]), rssPages: Number(rest[21]) });
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

/** Clock ticks per second, the unit of /proc's CPU times. */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU time of this process's children that have ended and been waited for, ms: the cutime and
 * cstime of /proc/self/stat (fields 16 and 17), which include what those children's own waited-for
 * children took, and so the whole tree of a command once it has ended.
 */
export function endedChildrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): field 16 is rest[13], field 17 rest[14]
  return ((Number(rest[13]) + Number(rest[14])) * 1000) / TICKS;
}

/** Summed RSS (bytes) and count of `root` and its descendants. */
export function treeRss(root: number): { bytes: number; processes: number } {
  const procs = snapshot();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let pages = 0;
  let processes = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (!p) continue;
    pages += p.rssPages;
    processes++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes: pages * PAGE, processes };
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  intervalMs?: number;
  /** Echo the command's output while it runs (stderr and stdout are still captured). */
  echo?: boolean;
}

/**
 * Runs `command args…` (no shell) and resolves with its measurements; never rejects on exit code.
 * The disk is flushed first (`sync`), so a command does not pay for writing out what an earlier
 * one left in the page cache (the floor's output before our build, a clean-up before a build).
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  spawnSync('sync');
  const started = performance.now();
  const cpuBefore = endedChildrenCpuMs();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  let peakProcesses = 0;
  const poll = () => {
    if (child.pid === undefined) return;
    const t = treeRss(child.pid);
    if (t.bytes > peak) peak = t.bytes;
    if (t.processes > peakProcesses) peakProcesses = t.processes;
  };
  const timer = setInterval(poll, options.intervalMs ?? 50);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    if (options.echo) process.stdout.write(d);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    if (options.echo) process.stderr.write(d);
  });
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      // Node has waited for the child before 'close': its CPU is in this process's children's times.
      resolve({ command: [command, ...args].join(' '), exitCode: code, wallMs: performance.now() - started, peakRssBytes: peak, peakProcesses, cpuMs: endedChildrenCpuMs() - cpuBefore, stdout, stderr });
    });
  });
}

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const fmtGiB = (bytes: number) => `${(bytes / GiB).toFixed(2)} GiB`;
export const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
