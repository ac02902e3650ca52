/** The command-line tools as a portal's CI uses them: parse one file, check the archive. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/core/model/report.ts';
import { reportJsonSchema } from '../../src/core/model/json-schema.ts';
import { NODE, ROOT, SAMPLES } from '../helpers/paths.ts';

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XXGK_CACHE_DIR: join(tmpdir(), 'xxgk-test-cache'), ...env } });

describe('npm run --silent parse -- FILE', () => {
  it('prints the Report as JSON and nothing else on stdout', () => {
    const r = run('npm', ['run', '--silent', 'parse', '--', join(SAMPLES, '002_485bb66b608aa965.txt')]);
    expect(r.status).toBe(0);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.proactive.licensing).toBe(112341);
    expect(report.requests.unableToProvide.notHeld.total).toBe(18);
    expect(report.source.file).toBe('002_485bb66b608aa965.txt');
  });

  it('names the file when it cannot be read', () => {
    const r = run(NODE, ['src/node/cli/parse.ts', 'no/such/file.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no\/such\/file\.txt.*无法读取/);
  });

  it('names the file when it holds no report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-'));
    writeFileSync(join(dir, 'notice.txt'), '关于召开会议的通知\n请准时参加。\n');
    const r = run(NODE, ['src/node/cli/parse.ts', join(dir, 'notice.txt')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('notice.txt');
    expect(r.stderr).toContain('没有可识别的年度报告');
  });

  it('refuses bytes that are not text, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-'));
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x80, 0x81]));
    const r = run(NODE, ['src/node/cli/parse.ts', join(dir, 'scan.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/scan\.txt: .*编码|scan\.txt: .*文本/);
  });

  it('prints diagnostics with file and line on stderr, keeping stdout JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-'));
    cpSync(join(ROOT, 'tests/fixtures/layouts/tab-quirks/report.txt'), join(dir, 'quirks.txt'));
    const r = run(NODE, ['src/node/cli/parse.ts', join(dir, 'quirks.txt')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).requests.carriedOver.total).toBeNull();
    expect(r.stderr).toMatch(/quirks\.txt:\d+: warning: .*120/);
  });
});

describe('npm run check', () => {
  it('passes the default archive, one line per report', () => {
    const r = run('npm', ['run', '--silent', 'check']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('✓ '))).toHaveLength(5);
    expect(lines[0]).toBe('✓ 2023-qiaokou-dashuju-zhongxin  硚口区大数据中心2023年度政府信息公开工作年度报告  通过');
    expect(lines.at(-1)).toBe('5 个文件：5 份报告可读，0 个文件有错误，0 项校验未通过，0 个警告');
  });

  it('fails on files with errors and, with --strict, on failing checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-'));
    cpSync(join(ROOT, 'tests/fixtures/layouts/tab-rows/report.txt'), join(dir, 'grid.txt'));
    let r = run(NODE, ['src/node/cli/check.ts'], { REPORTS_DIR: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^! 2023-\S+  硚口区测试局2023年度政府信息公开工作年度报告  \d+ 项校验未通过/m);
    expect(r.stdout).toMatch(/grid\.txt:\d+: check requests\.balance\.total: /);
    r = run(NODE, ['src/node/cli/check.ts', '--strict'], { REPORTS_DIR: dir });
    expect(r.status).toBe(1);

    writeFileSync(join(dir, 'broken.bin'), Buffer.from([0, 1, 2, 3]));
    r = run(NODE, ['src/node/cli/check.ts'], { REPORTS_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('broken.bin: error: 不支持的文件类型');
  });

  it('reports two files that give the same report, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-'));
    cpSync(join(SAMPLES, '000_5118e96f53a3c514.txt'), join(dir, 'a.txt'));
    cpSync(join(SAMPLES, '000_5118e96f53a3c514.txt'), join(dir, 'b.txt'));
    const r = run(NODE, ['src/node/cli/check.ts'], { REPORTS_DIR: dir, AGENCIES_FILE: join(dir, 'none.yaml') });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/a\.txt: error: .*a\.txt、b\.txt/);
    expect(r.stdout).toMatch(/b\.txt: error: .*a\.txt、b\.txt/);
  });
});

describe('JSON Schema', () => {
  it('is generated from the zod schema and describes the public fields', () => {
    const schema = reportJsonSchema() as { properties: Record<string, { description?: string }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'agency', 'district', 'year', 'publishedOn', 'template', 'source', 'sections', 'proactive', 'requests', 'appeals', 'checks', 'diagnostics']));
    expect(schema.properties.district!.description).toContain('null');
    const r = run('npm', ['run', '--silent', 'schema']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
