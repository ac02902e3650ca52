/**
 * runAstro against a stand-in for Astro's command (a root whose node_modules/astro/bin/astro.mjs
 * writes a line to each stream, then ends with a given code or waits to be stopped).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAstro } from '../../../src/node/build/run-astro.ts';

const root = mkdtempSync(join(tmpdir(), 'xxgk-run-astro-'));
mkdirSync(join(root, 'node_modules', 'astro', 'bin'), { recursive: true });
writeFileSync(
  join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  `process.stdout.write('stub out ' + process.argv[2] + '\\n');
process.stderr.write('stub err\\n');
if (process.env.STUB_WAIT) setInterval(() => {}, 1000);
else setTimeout(() => { process.stdout.write('stub done\\n'); process.exit(Number(process.env.STUB_CODE)); }, 100);
`,
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let written: { stream: string; text: string }[];
beforeEach(() => {
  written = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const real = process[stream].write.bind(process[stream]);
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      const text = String(chunk);
      if (text.startsWith('stub')) written.push({ stream, text });
      else return real(chunk, ...rest);
      return true;
    }) as typeof process.stdout.write);
  }
});
afterEach(() => vi.restoreAllMocks());

describe('runAstro', () => {
  it('runs `astro build` and gives its exit code; its output waits for show', async () => {
    const run = runAstro(root, { STUB_CODE: '3' });
    expect(await run.exited).toBe(3);
    expect(written).toEqual([]);
    run.show();
    // Each stream in its order (the two pipes are read independently).
    expect(written.filter((w) => w.stream === 'stdout').map((w) => w.text)).toEqual(['stub out build\n', 'stub done\n']);
    expect(written.filter((w) => w.stream === 'stderr').map((w) => w.text)).toEqual(['stub err\n']);
  });

  it('passes output straight on once shown', async () => {
    const run = runAstro(root, { STUB_CODE: '0' });
    run.show();
    expect(await run.exited).toBe(0);
    expect(written.filter((w) => w.stream === 'stdout').map((w) => w.text)).toEqual(['stub out build\n', 'stub done\n']);
    expect(written.filter((w) => w.stream === 'stderr').map((w) => w.text)).toEqual(['stub err\n']);
  });

  it('stops Astro unseen', async () => {
    const run = runAstro(root, { STUB_WAIT: '1' });
    await new Promise((r) => setTimeout(r, 300));
    await run.stop();
    // Ended by a signal.
    expect(await run.exited).toBe(1);
    run.show();
    expect(written).toEqual([]);
  });
});
