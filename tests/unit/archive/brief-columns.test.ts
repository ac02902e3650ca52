/**
 * The briefs' pack is written as columns (src/node/brief-columns.ts): read back, every brief is
 * the one written, field for field and in the order its properties were made (page digests
 * serialise parts of a brief).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { briefOf, type ReportBrief } from '../../../src/core/summary/report-brief.ts';
import { fromColumns, toColumns } from '../../../src/node/brief-columns.ts';
import { parseText } from '../../helpers/parse-text.ts';

const FIXTURES = new URL('../../fixtures/samples/', import.meta.url);

/** The samples' briefs, and variants with what most reports lack: diagnostics, failing checks, another canonical agency, empty cells. */
function briefs(): Map<string, ReportBrief> {
  const out = new Map<string, ReportBrief>();
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()) {
    const brief = briefOf(parseText(readFileSync(new URL(name, FIXTURES), 'utf8'), name));
    out.set(name, brief);
  }
  const [first] = out.values();
  out.set('variant', {
    ...first!,
    canonicalAgency: '另一个名称',
    district: null,
    year: null,
    publishedOn: null,
    template: '2019',
    requests: { carriedOver: { ...first!.requests.carriedOver, research: null, total: 3.5 }, carriedForward: { ...first!.requests.carriedForward, legal: null } },
    figures: { ...first!.figures, denied: null, litigation: 0 },
    diagnostics: [{ level: 'warning', message: '某处', line: 3 }],
    checks: [{ id: 'requests.balance.total', ok: false, message: '不平', cells: ['a', 'b'], line: null }],
  });
  return out;
}

describe('brief columns', () => {
  it('gives back every brief as written, through V8 serialisation, with its properties in their order', () => {
    const written = briefs();
    expect(written.size).toBeGreaterThan(5);
    expect([...written.values()].some((b) => b.diagnostics.length > 0 || b.checks.length > 0)).toBe(true);
    const read = fromColumns(deserialize(serialize(toColumns(written))))!;
    expect([...read.keys()]).toEqual([...written.keys()]);
    for (const [key, brief] of written) expect(JSON.stringify(read.get(key))).toBe(JSON.stringify(brief));
    expect(read).toEqual(written);
  });

  it('reads no briefs from anything but columns of its form', () => {
    const columns = toColumns(briefs());
    expect(fromColumns(null)).toBeNull();
    expect(fromColumns(new Map([...briefs()]))).toBeNull();
    expect(fromColumns({ ...columns, form: 2 })).toBeNull();
    expect(fromColumns({ ...columns, numbers: columns.numbers.slice(1) })).toBeNull();
    expect(fromColumns({ ...columns, title: columns.title.slice(1) })).toBeNull();
    expect(fromColumns({ ...columns, checks: undefined })).toBeNull();
    expect(fromColumns(toColumns(new Map()))).toEqual(new Map());
  });
});
