/** The snapshot scripts/build.ts hands to Astro's loader: waited for, read whole, or the reason the parse failed. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awaitHandoff, awaitRenderSet, renderSetFile, writeHandoff, writeRenderSet, type SnapshotHandoff } from '../../../src/loader/snapshot-handoff.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-handoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handoff: SnapshotHandoff = {
  dir: '/archive',
  reports: [{ pageId: '2023-a', digestKey: 'k', file: 'a.txt', path: '/archive/a.txt', sha256: 'ab', year: 2023 }],
  problemFiles: [],
  overview: { summary: { files: 1, reports: 1, errorFiles: 0, errors: 0, failingChecks: 0, warnings: 0, lines: [] }, problems: [], problemFiles: 0 },
};

describe('awaitHandoff', () => {
  it('hands nothing over when no build set XXGK_SNAPSHOT (astro build or astro dev on their own)', async () => {
    await expect(awaitHandoff({})).resolves.toBeNull();
  });

  it('waits until the build has written the snapshot, and returns it whole', async () => {
    const file = join(dir, 'snapshot.v8');
    let written = false;
    const waiting = awaitHandoff({ XXGK_SNAPSHOT: file }).then((value) => ({ value, written }));
    await new Promise((r) => setTimeout(r, 100));
    written = true;
    writeHandoff(file, { snapshot: handoff });
    await expect(waiting).resolves.toEqual({ value: handoff, written: true });
    // Written through a temporary file renamed into place: nothing else is left beside it.
    expect(readdirSync(dir)).toEqual(['snapshot.v8']);
  });

  it('fails with the reason when the parse failed', async () => {
    const file = join(dir, 'failed.v8');
    writeHandoff(file, { error: 'content/reports: 报告目录不存在' });
    await expect(awaitHandoff({ XXGK_SNAPSHOT: file })).rejects.toThrow('报告解析失败：content/reports: 报告目录不存在');
    expect(existsSync(file)).toBe(true);
  });
});

describe('awaitRenderSet', () => {
  it('renders every page when no build set XXGK_SNAPSHOT', async () => {
    await expect(awaitRenderSet({})).resolves.toBeNull();
  });

  it('waits for the pages to render, handed over beside the snapshot after it', async () => {
    const file = join(dir, 'partial.v8');
    writeHandoff(file, { snapshot: handoff });
    let written = false;
    const waiting = awaitRenderSet({ XXGK_SNAPSHOT: file }).then((value) => ({ value, written }));
    await new Promise((r) => setTimeout(r, 100));
    written = true;
    writeRenderSet(file, { render: ['2023-a', 'years/2023'] });
    await expect(waiting).resolves.toEqual({ value: ['2023-a', 'years/2023'], written: true });
    expect(renderSetFile(file)).toBe(join(dir, 'partial.render.json'));
    expect(readdirSync(dir).filter((f) => f.startsWith('partial'))).toEqual(['partial.render.json', 'partial.v8']);
    // A full build: every page.
    writeRenderSet(file, { render: null });
    await expect(awaitRenderSet({ XXGK_SNAPSHOT: file })).resolves.toBeNull();
  });

  it('fails with the reason when the build failed after handing the snapshot over', async () => {
    const file = join(dir, 'late.v8');
    writeHandoff(file, { snapshot: handoff });
    writeRenderSet(file, { error: '2023/a.txt: 构建过程中文件被改动，请重新构建' });
    await expect(awaitHandoff({ XXGK_SNAPSHOT: file })).resolves.toEqual(handoff);
    await expect(awaitRenderSet({ XXGK_SNAPSHOT: file })).rejects.toThrow('npm run build 失败：2023/a.txt: 构建过程中文件被改动，请重新构建');
  });
});
