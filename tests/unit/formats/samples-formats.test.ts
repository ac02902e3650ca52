/**
 * The five real samples, each read as it came (.txt) and converted to every other format and
 * encoding a portal holds: every hand-read figure must come out the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/node/load-registry.ts';
import { textToDocx, textToHtml } from '../../helpers/convert.ts';
import { figureDiff, parseBytes } from '../../helpers/parse.ts';

const dir = new URL('../../fixtures/samples/', import.meta.url);
const registry = loadRegistry(new URL('../../../content/agencies.yaml', import.meta.url).pathname);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => {
    const { allChecksPass, ...expected } = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.json'), dir), 'utf8'));
    return { name: f.replace(/\.txt$/, ''), text: readFileSync(new URL(f, dir), 'utf8'), expected, allChecksPass: allChecksPass as boolean };
  });

/** GBK has no no-break or en space: Windows' code page 936 export writes a plain space for them. */
const gbk = (t: string, enc: string) => iconv.encode(t.replace(/[\u00a0\u2000-\u200a\u202f]/g, ' '), enc);

const variants: [string, string, (text: string) => Uint8Array | Promise<Uint8Array>][] = [
  ['UTF-8 .txt', 'txt', (t) => new TextEncoder().encode(t)],
  ['GBK .txt with CRLF', 'txt', (t) => gbk(t.replace(/\n/g, '\r\n'), 'gbk')],
  ['GB18030 .txt with CR', 'txt', (t) => iconv.encode(t.replace(/\n/g, '\r'), 'gb18030')],
  ['UTF-16LE .txt with BOM', 'txt', (t) => new Uint8Array([0xff, 0xfe, ...iconv.encode(t, 'utf-16le')])],
  ['UTF-16BE .txt with BOM', 'txt', (t) => new Uint8Array([0xfe, 0xff, ...iconv.encode(t, 'utf-16be')])],
  ['UTF-8 .txt with BOM', 'txt', (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])],
  ['the text saved as .md', 'md', (t) => new TextEncoder().encode(t)],
  ['an HTML page (GBK)', 'html', (t) => gbk(textToHtml(t), 'gbk')],
  ['a Word .docx', 'docx', (t) => textToDocx(t)],
];

describe.each(samples)('sample $name', (sample) => {
  it.each(variants)('%s gives the hand-read figures', async (_name, ext, make) => {
    const { report } = await parseBytes(`${sample.name}.${ext}`, await make(sample.text), { registry });
    expect(figureDiff(sample.expected, report)).toEqual([]);
    expect(report.sections).toHaveLength(6);
    if (sample.allChecksPass) {
      expect(report.checks.length).toBeGreaterThan(0);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    }
    expect(report.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });
});
