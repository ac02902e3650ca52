/**
 * The bench's measure of a command: the CPU time of its whole process tree, a grandchild's
 * included, told apart from time spent waiting.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../bench/lib/measure.ts';

const node = process.execPath;
/**
 * A child that spins for `ms` of CPU in a grandchild of its own, which it waits for. Spun by its
 * own CPU time, not the clock: on a busy machine 600 ms of the clock gave the grandchild 510 ms of
 * CPU, and the count below was then right to say less.
 */
const spinInGrandchild = (ms: number) =>
  `require('node:child_process').spawnSync(process.execPath, ['-e', 'const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; }; const end = cpu() + ${ms * 1000}; while (cpu() < end);'], { stdio: 'inherit' })`;

describe('run', () => {
  it('counts the CPU a grandchild spent, not the time a command waited', async () => {
    const busy = await run(node, ['-e', spinInGrandchild(600)]);
    expect(busy.exitCode).toBe(0);
    // 600 ms spinning plus two Node start-ups; never more than the wall time on one core's worth of work.
    expect(busy.cpuMs).toBeGreaterThanOrEqual(550);
    expect(busy.cpuMs).toBeLessThanOrEqual(busy.wallMs + 50);

    const idle = await run(node, ['-e', 'setTimeout(() => {}, 600)']);
    expect(idle.exitCode).toBe(0);
    expect(idle.wallMs).toBeGreaterThanOrEqual(600);
    // One Node start-up: well under the 600 ms it waited.
    expect(idle.cpuMs).toBeLessThan(300);
    expect(idle.cpuMs).toBeGreaterThanOrEqual(0);
  });
});
