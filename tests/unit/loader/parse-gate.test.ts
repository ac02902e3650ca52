/** The loader waits for the build's own parse (scripts/build.ts starts Astro during it). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForParse } from '../../../src/loader/parse-gate.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('waitForParse', () => {
  it('does not wait when no gate is set (astro build or astro dev on their own)', async () => {
    await expect(waitForParse({})).resolves.toBeUndefined();
  });

  it('waits until the build opens the gate', async () => {
    const gate = join(dir, 'ok');
    let opened = false;
    const waiting = waitForParse({ XXGK_PARSE_GATE: gate }).then(() => opened);
    await new Promise((r) => setTimeout(r, 100));
    opened = true;
    writeFileSync(gate, 'ok');
    await expect(waiting).resolves.toBe(true);
  });

  it('fails with the reason when the parse failed', async () => {
    const gate = join(dir, 'failed');
    writeFileSync(gate, 'content/reports: 报告目录不存在');
    await expect(waitForParse({ XXGK_PARSE_GATE: gate })).rejects.toThrow('报告解析失败：content/reports: 报告目录不存在');
  });
});
