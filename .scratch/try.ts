import { fixtureReport } from '../tests/fixtures/distinct/reports.ts';
import * as L from '../tests/fixtures/distinct/layouts.ts';
import { parseFile } from '../src/formats/report-file.ts';
function diff(want: any, got: any, path: string, out: string[]) {
  if (want !== null && typeof want === 'object') { for (const k of Object.keys(want)) diff(want[k], got?.[k], path + '.' + k, out); return; }
  if (want !== got) out.push(`${path}: want ${want} got ${got}`);
}
const enc = new TextEncoder();
for (const t of ['2021', '2019'] as const) {
  const f = fixtureReport(t);
  const files: [string, Uint8Array][] = [
    ['a.txt', enc.encode(L.tabRows(f))], ['b.txt', enc.encode(L.cellPerLine(f))], ['c.txt', enc.encode(L.pipeRows(f))],
    ['d.txt', enc.encode(L.spaceColumns(f))], ['e.md', enc.encode(L.markdown(f))], ['f.html', enc.encode(L.portalPage(f))], ['g.docx', await L.wordFile(f)],
  ];
  for (const [name, bytes] of files) {
    const { report: r } = await parseFile({ name, bytes, sha256: '0'.repeat(64) });
    const out: string[] = [];
    diff(f.expected, { proactive: r.proactive, requests: r.requests, appeals: r.appeals }, '', out);
    if (r.title !== f.title) out.push('title ' + r.title);
    if (r.template !== t) out.push('template ' + r.template);
    if (r.publishedOn !== f.publishedOn) out.push('publishedOn ' + r.publishedOn);
    const failing = r.checks.filter((c) => !c.ok);
    console.log(t, name, r.source.layout, 'sections', r.sections.length, 'checks', r.checks.length, 'failing', failing.length, 'diags', r.diagnostics.length, out.length ? out.slice(0, 6).join('; ') + ` (+${out.length})` : 'OK');
    if (process.argv[2] === name + t) { console.log(r.diagnostics); console.log(failing.map(c=>c.message)); console.log(r.sections.map(s=>s.markdown)); console.log(r.preamble) }
  }
}
