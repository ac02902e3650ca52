/**
 * Peak memory of a whole process tree: a separate process samples every 50 ms the resident memory
 * of the given process and all its descendants (Pagefind runs as a child of Node, which
 * /usr/bin/time on node does not count). Started by `watchTreeRss`; prints the peak when the
 * watched process closes its stdin.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(entry));
      map.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function rssKiB(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeRssKiB(root: number, exclude: number): number {
  const kids = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (pid === exclude) continue;
    total += rssKiB(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Starts the sampler for this process's tree; `stop()` resolves with the peak in bytes. */
export function watchTreeRss(): { stop: () => Promise<number> } {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, String(process.pid)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.on('close', () => resolve(Number(out.trim()) * 1024));
        child.stdin.end();
      }),
  };
}

if (process.argv[2] && import.meta.url === `file://${process.argv[1]}`) {
  const root = Number(process.argv[2]);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(root, process.pid))), 50);
  process.stdin.resume();
  process.stdout.on('error', () => process.exit(0)); // the watched process is gone
  process.stdin.on('end', () => {
    clearInterval(timer);
    peak = Math.max(peak, treeRssKiB(root, process.pid));
    process.stdout.write(String(peak), () => process.exit(0));
  });
}
