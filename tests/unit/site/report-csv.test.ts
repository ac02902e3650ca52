import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CELL_COLUMNS, METADATA_COLUMNS, REPORT_COLUMNS, reportRow } from '../../../src/core/export/report-row.ts';
import type { Report } from '../../../src/core/model/report.ts';
import { BOM, reportsCsv } from '../../../src/site/data/csv.ts';
import { dataPackage } from '../../../src/site/data/datapackage.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

const r2021 = distinctReport('2021').report;
const r2019 = distinctReport('2019').report;
const col = (name: string) => REPORT_COLUMNS.findIndex((c) => c.name === name);

describe('report columns', () => {
  it('are the metadata, then every cell of both templates, with unique stable dotted names', () => {
    const names = REPORT_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 10)).toEqual(['id', 'title', 'agency', 'canonicalAgency', 'agencySlug', 'district', 'year', 'publishedOn', 'template', 'sourceUrl']);
    // 2021: 10 cells in 表二, 25 rows × 7 in 表三, 15 in 表四; then the 2019 template's own 29.
    expect(CELL_COLUMNS).toHaveLength(10 + 175 + 15 + 29);
    expect(CELL_COLUMNS.slice(0, 4).map((c) => c.name)).toEqual(['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.inForce', 'proactive.normativeDocuments.issued']);
    expect(names).toContain('requests.denied.stateSecret.naturalPerson');
    expect(names).toContain('appeals.litigationAfterReview.total');
    expect(names).toContain('proactive.template2019.procurement.amount');
    expect(names).toContain('requests.template2019.otherHandling.total');
    expect(names.indexOf('requests.newReceived.naturalPerson')).toBeLessThan(names.indexOf('requests.carriedForward.total'));
  });

  it('carry Chinese titles and types: amounts are numbers, counts integers', () => {
    const byName = new Map(REPORT_COLUMNS.map((c) => [c.name, c]));
    expect(byName.get('requests.denied.stateSecret.naturalPerson')!.title).toBe('表三 （三）不予公开 1. 属于国家秘密 · 自然人');
    expect(byName.get('proactive.fees')!.type).toBe('number');
    expect(byName.get('proactive.licensing')!.type).toBe('integer');
    expect(byName.get('publishedOn')!.type).toBe('date');
    expect(METADATA_COLUMNS.every((c) => c.title.length > 0)).toBe(true);
  });
});

describe('reportRow', () => {
  it('puts every cell under its own column', () => {
    const row = reportRow(r2021);
    expect(row).toHaveLength(REPORT_COLUMNS.length);
    expect(row[col('id')]).toBe(r2021.id);
    expect(row[col('proactive.regulations.repealed')]).toBe(32);
    expect(row[col('proactive.fees')]).toBe(81.5);
    expect(row[col('requests.granted.commercial')]).toBe(r2021.requests.granted.commercial);
    expect(row[col('requests.unableToProvide.stillUnclear.otherOrg')]).toBe(r2021.requests.unableToProvide.stillUnclear.otherOrg);
    expect(row[col('appeals.litigationDirect.pending')]).toBe(7014);
    expect(row[col('checks.failing')]).toBe(0);
    // The 2019 template's own cells are empty for a 2021 report.
    expect(row[col('proactive.template2019.licensing.change')]).toBeNull();
  });

  it('fills the 2019 template\'s own columns for a 2019 report', () => {
    const row = reportRow(r2019);
    expect(row[col('template')]).toBe('2019');
    expect(row[col('proactive.template2019.licensing.change')]).toBe(-12);
    expect(row[col('proactive.template2019.procurement.amount')]).toBe(256.75);
    expect(row[col('requests.template2019.otherHandling.total')]).toBe(11421);
    expect(row[col('requests.otherHandling.other.total')]).toBeNull();
  });

  it('counts failing checks and errors', () => {
    const broken: Report = structuredClone(r2021);
    broken.checks[0]!.ok = false;
    broken.checks[3]!.ok = false;
    broken.diagnostics.push({ level: 'error', message: 'x', line: 3 }, { level: 'warning', message: 'y', line: null });
    const row = reportRow(broken);
    expect(row[col('checks.failing')]).toBe(2);
    expect(row[col('checks.failingIds')]).toBe(`${broken.checks[0]!.id} ${broken.checks[3]!.id}`);
    expect(row[col('diagnostics.errors')]).toBe(1);
    expect(row[col('diagnostics.warnings')]).toBe(1);
  });
});

describe('reportsCsv', () => {
  const tricky: Report = { ...structuredClone(r2021), id: '2023-tricky', title: '含,逗号 "引号"\n和换行的标题' };
  const text = reportsCsv([r2021, r2019, tricky]);

  it('starts with a BOM and has the column names as its header', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(REPORT_COLUMNS.map((c) => c.name).join(','));
  });

  it('reads back to the same values (quoting done by the library)', () => {
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[2]!.title).toBe('含,逗号 "引号"\n和换行的标题');
    expect(rows[0]!['requests.newReceived.total']).toBe(String(r2021.requests.newReceived.total));
    expect(rows[0]!['proactive.fees']).toBe('81.5');
    expect(rows[0]!['proactive.template2019.fees.change']).toBe('');
    expect(rows[1]!['proactive.template2019.licensing.change']).toBe('-12');
  });
});

describe('dataPackage', () => {
  it('describes the CSV with one field per column and the JSON with its schema', () => {
    const pkg = dataPackage({ title: '年报', portalName: '门户', homepage: 'https://x.gov.cn/data/', reports: 3 }) as { resources: { name: string; path: string; schema?: { fields: { name: string; type: string }[]; primaryKey: string[] } }[] };
    const csv = pkg.resources.find((r) => r.path === 'reports.csv')!;
    expect(csv.schema!.fields.map((f) => f.name)).toEqual(REPORT_COLUMNS.map((c) => c.name));
    expect(csv.schema!.primaryKey).toEqual(['id']);
    expect(pkg.resources.map((r) => r.path)).toEqual(['reports.csv', 'reports.json', 'schema.json']);
    expect(pkg.resources.every((r) => /^[a-z0-9._-]+$/.test(r.name))).toBe(true);
  });
});
