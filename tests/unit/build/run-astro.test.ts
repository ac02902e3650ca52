/**
 * runAstro against a stand-in for Astro's command: a root whose node_modules/astro/bin/astro.mjs
 * ends with a given code, or writes its process id and waits to be ended.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro } from '../../../src/node/build/run-astro.ts';
import { NODE, ROOT } from '../../helpers/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'xxgk-run-astro-'));
mkdirSync(join(root, 'node_modules', 'astro', 'bin'), { recursive: true });
writeFileSync(
  join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  `import { writeFileSync } from 'node:fs';
if (process.argv[2] !== 'build') process.exit(9);
if (process.env.STUB_PID_FILE) {
  writeFileSync(process.env.STUB_PID_FILE, String(process.pid));
  setInterval(() => {}, 1000);
} else process.exit(Number(process.env.STUB_CODE));
`,
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Whether the process runs (a zombie left for its new parent to reap does not). */
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] !== 'Z';
  } catch {
    return false;
  }
};

describe('runAstro', () => {
  it('runs `astro build` and gives its exit code', async () => {
    expect(await runAstro(root, { STUB_CODE: '0' })).toBe(0);
    expect(await runAstro(root, { STUB_CODE: '3' })).toBe(3);
  });

  it('ends Astro when the build ends before it', async () => {
    const pidFile = join(root, 'astro.pid');
    // A build that starts Astro and then stops on an error, once Astro is running.
    const build = join(root, 'build.ts');
    writeFileSync(
      build,
      `import { existsSync } from 'node:fs';
import { runAstro } from ${JSON.stringify(join(ROOT, 'src', 'node', 'build', 'run-astro.ts'))};
void runAstro(${JSON.stringify(root)}, { STUB_PID_FILE: ${JSON.stringify(pidFile)} });
const wait = setInterval(() => { if (existsSync(${JSON.stringify(pidFile)})) { clearInterval(wait); throw new Error('stopped'); } }, 20);
`,
    );
    const r = spawnSync(NODE, [build], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toContain('Error: stopped');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    // The signal is delivered as the build exits; give the system a moment to reap the process.
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
  });
});
