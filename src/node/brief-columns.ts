/**
 * The briefs of a pack (./brief-pack.ts) as columns, the form its files are written in: one array
 * per field, and the numbers of the two carry-over rows and the key figures in one flat array.
 *
 * Why: V8's deserialiser rebuilt a Map of 50,000 briefs (a quarter of a million objects, each
 * made property by property) in 0.26–0.34 s of the build's main thread on an idle machine, before
 * anything else could start. From columns each brief is one object literal of a fixed shape: on a
 * busy machine 0.11–0.19 s against the Map's 0.32–0.49 s; and the file is 19 MB instead of 41 MB.
 */
import { APPLICANT_COLUMNS } from '../core/model/cells.ts';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { KEY_FIGURES } from '../core/summary/key-figures.ts';

/** The form's version: a file of another one is read as no briefs (the pack is a cache). */
const FORM = 1;
/** Numbers per brief in `numbers`: carried over, carried forward (the applicant columns), the key figures. */
const NUMBERS = APPLICANT_COLUMNS.length * 2 + KEY_FIGURES.length;

type Cell = number | null;

export interface BriefColumns {
  form: typeof FORM;
  keys: string[];
  id: string[];
  title: string[];
  agency: string[];
  /** null where it is the agency itself (most reports). */
  canonicalAgency: (string | null)[];
  agencySlug: string[];
  district: (string | null)[];
  year: (number | null)[];
  publishedOn: (string | null)[];
  template: ReportBrief['template'][];
  file: string[];
  numbers: Cell[];
  /** null for none (most reports). */
  diagnostics: (ReportBrief['diagnostics'] | null)[];
  checks: (ReportBrief['checks'] | null)[];
}

export function toColumns(briefs: ReadonlyMap<string, ReportBrief>): BriefColumns {
  const c: BriefColumns = { form: FORM, keys: [], id: [], title: [], agency: [], canonicalAgency: [], agencySlug: [], district: [], year: [], publishedOn: [], template: [], file: [], numbers: [], diagnostics: [], checks: [] };
  for (const [key, b] of briefs) {
    c.keys.push(key);
    c.id.push(b.id);
    c.title.push(b.title);
    c.agency.push(b.agency);
    c.canonicalAgency.push(b.canonicalAgency === b.agency ? null : b.canonicalAgency);
    c.agencySlug.push(b.agencySlug);
    c.district.push(b.district);
    c.year.push(b.year);
    c.publishedOn.push(b.publishedOn);
    c.template.push(b.template);
    c.file.push(b.source.file);
    for (const k of APPLICANT_COLUMNS) c.numbers.push(b.requests.carriedOver[k]);
    for (const k of APPLICANT_COLUMNS) c.numbers.push(b.requests.carriedForward[k]);
    for (const { key: k } of KEY_FIGURES) c.numbers.push(b.figures[k]);
    c.diagnostics.push(b.diagnostics.length ? b.diagnostics : null);
    c.checks.push(b.checks.length ? b.checks : null);
  }
  return c;
}

const cell = (n: readonly Cell[], i: number): Cell => n[i] ?? null;
/** The applicant columns from `at` in `n`, in the schema's order (as a parsed report has them). */
const applicants = (n: readonly Cell[], at: number) => ({ naturalPerson: cell(n, at), commercial: cell(n, at + 1), research: cell(n, at + 2), publicInterest: cell(n, at + 3), legal: cell(n, at + 4), otherOrg: cell(n, at + 5), total: cell(n, at + 6) });

/** The briefs by key, or null when `value` is not columns of this form (another version's file) or its columns differ in length. */
export function fromColumns(value: unknown): Map<string, ReportBrief> | null {
  const c = value as Partial<BriefColumns> | null;
  if (c?.form !== FORM || !Array.isArray(c.keys) || !Array.isArray(c.numbers) || c.numbers.length !== c.keys.length * NUMBERS) return null;
  const count = c.keys.length;
  const columns = [c.id, c.title, c.agency, c.canonicalAgency, c.agencySlug, c.district, c.year, c.publishedOn, c.template, c.file, c.diagnostics, c.checks];
  if (!columns.every((column) => Array.isArray(column) && column.length === count)) return null;
  const { keys, id, title, agency, canonicalAgency, agencySlug, district, year, publishedOn, template, file, numbers: n, diagnostics, checks } = c as BriefColumns;
  const figures = APPLICANT_COLUMNS.length * 2;
  const briefs = new Map<string, ReportBrief>();
  for (let i = 0; i < keys.length; i++) {
    const at = i * NUMBERS;
    const f = at + figures;
    briefs.set(keys[i]!, {
      id: id[i]!,
      title: title[i]!,
      agency: agency[i]!,
      canonicalAgency: canonicalAgency[i] ?? agency[i]!,
      agencySlug: agencySlug[i]!,
      district: district[i] ?? null,
      year: year[i] ?? null,
      publishedOn: publishedOn[i] ?? null,
      template: template[i]!,
      source: { file: file[i]! },
      requests: { carriedOver: applicants(n, at), carriedForward: applicants(n, at + APPLICANT_COLUMNS.length) },
      figures: { received: cell(n, f), granted: cell(n, f + 1), partlyGranted: cell(n, f + 2), denied: cell(n, f + 3), unable: cell(n, f + 4), reviews: cell(n, f + 5), litigation: cell(n, f + 6) },
      diagnostics: diagnostics[i] ?? [],
      checks: checks[i] ?? [],
    });
  }
  return briefs;
}
