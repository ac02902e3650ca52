/**
 * The page digests a partial build decides by (src/loader/page-digests.ts): one per report page,
 * per agency page and per year page, one for the pages with a script, one for the archive-wide pages, each changing exactly
 * when what those pages show changes;
 * which output files belong to which page; which pages a rebuild renders.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, type ArchiveSnapshot, type ReportPage } from '../../../src/loader/archive-snapshot.ts';
import { digestPages, kindOfPage, pageDigests, pageOfOutput, pagesToRender, renderCounts } from '../../../src/loader/page-digests.ts';
import { ROOT } from '../../helpers/paths.ts';
import { SAMPLE_DIR } from '../../helpers/site-archive.ts';

let base: ArchiveSnapshot;
beforeAll(async () => {
  base = await readSnapshot({ ...process.env, REPORTS_DIR: SAMPLE_DIR, AGENCIES_FILE: join(ROOT, 'content', 'agencies.yaml'), STRICT: '' });
});

/** The samples plus a 2022 report of the body of 2023-qiaokou-dashuju-zhongxin, so one body has two years. */
function withTwoYears(): ArchiveSnapshot {
  const snapshot = structuredClone(base);
  const page = snapshot.reports.find((p) => p.pageId === '2023-qiaokou-dashuju-zhongxin')!;
  const earlier: ReportPage = structuredClone(page);
  earlier.pageId = earlier.brief.id = '2022-qiaokou-dashuju-zhongxin';
  earlier.brief.year = 2022;
  earlier.digestKey = `${page.digestKey}\u00002022`;
  snapshot.reports.push(earlier);
  return snapshot;
}

function page(snapshot: ArchiveSnapshot, id: string): ReportPage {
  return snapshot.reports.find((p) => p.pageId === id)!;
}

/** The keys whose digest differs (or that exist in one only). */
function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe('pageDigests', () => {
  it('has a digest per report page, per agency and per year, one for the pages with a script, one for the archive-wide pages and one for the outline pages', () => {
    expect([...pageDigests(base).keys()].sort()).toEqual([
      '2022-qiaokou-jiguan-shiwu',
      '2023-donghu-zhengwu-dashuju',
      '2023-qiaokou-dashuju-zhongxin',
      '2023-qiaokou-qiye-fuwu',
      '2023-zhanhe-zhengwu-dashuju',
      'agencies/donghu-zhengwu-dashuju',
      'agencies/qiaokou-dashuju-zhongxin',
      'agencies/qiaokou-jiguan-shiwu',
      'agencies/qiaokou-qiye-fuwu',
      'agencies/zhanhe-zhengwu-dashuju',
      'archive/outline',
      'archive/pages',
      'scripted/pages',
      'years/2022',
      'years/2023',
    ]);
  });

  it('is the same for the same archive', () => {
    expect(pageDigests(structuredClone(base))).toEqual(pageDigests(base));
  });

  it("changes an agency's digest when one of its reports' summary changes, with that year's and the body's report pages", () => {
    const before = withTwoYears();
    const after = structuredClone(before);
    page(after, '2022-qiaokou-dashuju-zhongxin').brief.publishedOn = '2023-01-20';
    expect(changedKeys(pageDigests(before), pageDigests(after))).toEqual([
      '2022-qiaokou-dashuju-zhongxin',
      // Its page lists the body's other years.
      '2023-qiaokou-dashuju-zhongxin',
      'agencies/qiaokou-dashuju-zhongxin',
      // The sitemap gives each report's date.
      'archive/outline',
      // The home page lists the newest reports by date.
      'archive/pages',
      'years/2022',
    ]);
  });

  it("changes a year's digest, not the other agencies', when a figure of one report changes", () => {
    const after = structuredClone(base);
    const { figures } = page(after, '2023-zhanhe-zhengwu-dashuju').brief;
    figures.received = (figures.received ?? 0) + 7;
    // Not the outline pages (the agencies' index and the sitemap show no figure).
    expect(changedKeys(pageDigests(base), pageDigests(after))).toEqual(['2023-zhanhe-zhengwu-dashuju', 'agencies/zhanhe-zhengwu-dashuju', 'archive/pages', 'years/2023']);
  });

  it("changes only the report's own page when its file changed but not its summary", () => {
    const after = structuredClone(base);
    page(after, '2023-zhanhe-zhengwu-dashuju').digestKey += '\u0000changed bytes';
    expect(changedKeys(pageDigests(base), pageDigests(after))).toEqual(['2023-zhanhe-zhengwu-dashuju']);
  });

  it("drops the agency's key when its last report is gone, and changes its year's", () => {
    const after = structuredClone(base);
    after.reports = after.reports.filter((p) => p.pageId !== '2023-qiaokou-qiye-fuwu');
    // The validator spells every body's name: one fewer.
    expect(changedKeys(pageDigests(base), pageDigests(after))).toEqual(['2023-qiaokou-qiye-fuwu', 'agencies/qiaokou-qiye-fuwu', 'archive/outline', 'archive/pages', 'scripted/pages', 'years/2023']);
    expect(pageDigests(after).has('agencies/qiaokou-qiye-fuwu')).toBe(false);
  });

  it('changes the digest of the pages with a script when a body is named differently or the registry changed, and only then', () => {
    const renamed = structuredClone(base);
    for (const p of renamed.reports) if (p.brief.agencySlug === 'zhanhe-zhengwu-dashuju') p.brief.canonicalAgency = p.brief.agency = '沾河区政务服务和大数据管理局（新）';
    expect(changedKeys(pageDigests(base), pageDigests(renamed))).toContain('scripted/pages');
    const registry = structuredClone(base);
    registry.registryDigest += '0';
    expect(changedKeys(pageDigests(base), pageDigests(registry))).toEqual(['scripted/pages']);
  });

  it('moves a report between year keys when its year changes', () => {
    const after = structuredClone(base);
    page(after, '2022-qiaokou-jiguan-shiwu').brief.year = 2023;
    const digests = pageDigests(after);
    expect(digests.has('years/2022')).toBe(false);
    expect(changedKeys(pageDigests(base), digests)).toEqual(['2022-qiaokou-jiguan-shiwu', 'agencies/qiaokou-jiguan-shiwu', 'archive/outline', 'archive/pages', 'years/2022', 'years/2023']);
  });

  it("changes the archive-wide pages' digest alone when what the quality page says of a report changes, not how many", () => {
    // The same number of warnings (the summary counts them), worded otherwise.
    const warned = (message: string) => {
      const snapshot = structuredClone(base);
      page(snapshot, '2023-zhanhe-zhengwu-dashuju').brief.diagnostics.push({ level: 'warning', message, line: 3 });
      return pageDigests(snapshot);
    };
    expect(changedKeys(warned('表二有空白单元格'), warned('表三有空白单元格'))).toEqual(['archive/pages']);
    const failing = (message: string) => {
      const snapshot = structuredClone(base);
      page(snapshot, '2023-zhanhe-zhengwu-dashuju').brief.checks.push({ id: 'requests.balance.total', ok: false, message, cells: [], line: null });
      return pageDigests(snapshot);
    };
    expect(changedKeys(failing('1 + 2 ≠ 4'), failing('1 + 2 ≠ 5'))).toEqual(['archive/pages']);
  });

  it("changes the archive-wide pages' digest when a problem across reports, the build summary or a file that is not a report changes", () => {
    const problem = structuredClone(base);
    problem.overview.problems.push({ file: '001.txt', other: '002.txt', level: 'warning', kind: 'carry-over', message: '结转数不一致', line: null, pageId: null, otherPageId: null });
    expect(changedKeys(pageDigests(base), pageDigests(problem))).toEqual(['archive/pages']);
    const counted = structuredClone(base);
    counted.overview.summary.files += 1;
    expect(changedKeys(pageDigests(base), pageDigests(counted))).toEqual(['archive/pages']);
    const withFile = structuredClone(base);
    withFile.problemFiles.push({ entry: { ...structuredClone(withFile.reports[0]!.entry), file: 'scan.pdf' }, pageId: 'scan', digestKey: 'k1' });
    const fileChanged = structuredClone(withFile);
    fileChanged.problemFiles[0]!.digestKey = 'k2';
    expect(changedKeys(pageDigests(withFile), pageDigests(fileChanged))).toEqual(['archive/pages', 'scan']);
  });
});

describe('digestPages with the last build\'s kept pages', () => {
  /** The digests of `after` taken from the pages kept of `before`, beside those taken afresh. */
  function fromKept(before: ArchiveSnapshot, after: ArchiveSnapshot) {
    const kept = digestPages(before).kept();
    return { warm: digestPages(after, kept), cold: digestPages(after) };
  }

  it('keeps one entry per report page, under its page id, with the digest key it was taken for', () => {
    const kept = digestPages(base).kept();
    expect([...kept.keys()].sort()).toEqual(base.reports.map((p) => p.pageId).sort());
    expect(kept.get('2023-zhanhe-zhengwu-dashuju')![0]).toBe(page(base, '2023-zhanhe-zhengwu-dashuju').digestKey);
    expect(kept.get('2023-zhanhe-zhengwu-dashuju')![5]).toBe(pageDigests(base).get('2023-zhanhe-zhengwu-dashuju'));
  });

  it('gives the same digests as without them, and says nothing changed, for the same archive', () => {
    const { warm, cold } = fromKept(base, structuredClone(base));
    expect(warm.digests).toEqual(cold.digests);
    expect(warm.changed).toBe(false);
    expect(warm.fresh().size).toBe(0);
    expect(cold.changed).toBe(true);
    expect(cold.fresh()).toEqual(cold.kept());
  });

  it("takes a changed report's summary afresh when its digest key changed", () => {
    const after = structuredClone(base);
    const changed = page(after, '2023-zhanhe-zhengwu-dashuju');
    changed.brief.figures.received = (changed.brief.figures.received ?? 0) + 7;
    changed.digestKey += '\u0000changed bytes';
    const { warm, cold } = fromKept(base, after);
    expect(warm.digests).toEqual(cold.digests);
    expect(warm.changed).toBe(true);
    expect(changedKeys(pageDigests(base), warm.digests)).toEqual(['2023-zhanhe-zhengwu-dashuju', 'agencies/zhanhe-zhengwu-dashuju', 'archive/pages', 'years/2023']);
  });

  it("takes an unchanged report's page digest afresh when another report of its body changed", () => {
    const before = withTwoYears();
    const after = structuredClone(before);
    const other = page(after, '2022-qiaokou-dashuju-zhongxin');
    other.brief.publishedOn = '2023-01-20';
    other.digestKey += '\u0000changed bytes';
    const { warm, cold } = fromKept(before, after);
    expect(warm.digests).toEqual(cold.digests);
    expect(changedKeys(pageDigests(before), warm.digests)).toContain('2023-qiaokou-dashuju-zhongxin');
    // Taken afresh: the changed report's entry, and its body's other report's (another group digest).
    expect([...warm.fresh().keys()].sort()).toEqual(['2022-qiaokou-dashuju-zhongxin', '2023-qiaokou-dashuju-zhongxin']);
    expect(warm.fresh().get('2023-qiaokou-dashuju-zhongxin')).toEqual(warm.kept().get('2023-qiaokou-dashuju-zhongxin'));
  });

  it("takes a report's page digest afresh when the problems naming it change", () => {
    const after = structuredClone(base);
    after.overview.problems.push({ file: 'a.txt', other: 'b.txt', level: 'warning', kind: 'carry-over', message: '结转数不一致', line: null, pageId: '2023-qiaokou-qiye-fuwu', otherPageId: null });
    const { warm, cold } = fromKept(base, after);
    expect(warm.digests).toEqual(cold.digests);
    expect(changedKeys(pageDigests(base), warm.digests)).toEqual(['2023-qiaokou-qiye-fuwu', 'archive/pages']);
    // And back: the page without the problem is digested as before.
    const back = digestPages(base, warm.kept());
    expect(back.digests).toEqual(pageDigests(base));
    expect(back.changed).toBe(true);
  });

  it('says a report is gone, and keeps nothing of it', () => {
    const after = structuredClone(base);
    after.reports = after.reports.filter((p) => p.pageId !== '2023-qiaokou-qiye-fuwu');
    const { warm, cold } = fromKept(base, after);
    expect(warm.digests).toEqual(cold.digests);
    expect(warm.changed).toBe(true);
    expect(warm.kept().has('2023-qiaokou-qiye-fuwu')).toBe(false);
  });

  it('trusts a kept summary under the same digest key (a brief never changes under its key)', () => {
    // Only a changed key makes a report's summary be taken afresh: here its brief was changed by
    // hand under the same key, so the kept digests stand, and the body's pages are not rendered.
    const after = structuredClone(base);
    page(after, '2023-zhanhe-zhengwu-dashuju').brief.figures.received = 12345;
    const { warm, cold } = fromKept(base, after);
    expect(warm.digests).toEqual(pageDigests(base));
    expect(cold.digests).not.toEqual(pageDigests(base));
  });
});

describe('pageOfOutput', () => {
  it('names the page each output file belongs to, and null for files rendered in every build', () => {
    const files = {
      'reports/2023-x/index.html': '2023-x',
      'reports/2023-x/2023-x.txt': '2023-x',
      'data/reports/2023-x.json': '2023-x',
      'data/reports/2023-x.csv': '2023-x',
      'agencies/qiaokou-dashuju-zhongxin/index.html': 'agencies/qiaokou-dashuju-zhongxin',
      'years/2023/index.html': 'years/2023',
      'years/2023/by-new-requests/index.html': 'years/2023',
      'agencies/index.html': 'archive/outline',
      'years/index.html': 'archive/pages',
      'index.html': 'archive/pages',
      'quality/index.html': 'archive/pages',
      'data/index.html': 'archive/pages',
      'data/datapackage.json': 'archive/pages',
      'data/schema.json': 'archive/pages',
      'feed.xml': 'archive/pages',
      'sitemap.xml': 'archive/outline',
      'robots.txt': 'archive/pages',
      // They hold every report's text: joined in every build.
      'data/reports.csv': null,
      'data/reports.json': null,
      'search/index.html': 'scripted/pages',
      'check/index.html': 'scripted/pages',
      '_astro/index.astro_astro_type_script_index_0_lang.Cwyh30ek.js': 'scripted/pages',
      '_astro/preload-helper.DygEbaNj.js': 'scripted/pages',
      // Every page links it; it is bundled with the pages, not with the scripts.
      '_astro/site.DAzDSb_o.css': null,
      '404.html': 'archive/pages',
    };
    expect(Object.fromEntries(Object.keys(files).map((f) => [f, pageOfOutput(f)]))).toEqual(files);
  });

  it('gives every output key a kind', () => {
    expect(['2023-x', 'agencies/x', 'years/2023', 'scripted/pages', 'archive/pages', 'archive/outline'].map(kindOfPage)).toEqual(['report', 'agency', 'year', 'scripted', 'archive', 'archive']);
  });
});

describe('pagesToRender', () => {
  const digests = (entries: Record<string, string>) => new Map(Object.entries(entries));
  const previous = { a: '1', b: '1', c: '1', d: '1', 'agencies/x': '1', 'agencies/y': '1', 'agencies/z': '1', 'years/2022': '1', 'years/2023': '1' };

  it('renders the new and changed pages of every kind', () => {
    const now = digests({ ...previous, a: '2', e: '1', 'agencies/x': '2', 'years/2023': '2' });
    expect(pagesToRender(now, previous)).toEqual(['a', 'agencies/x', 'e', 'years/2023']);
  });

  it('renders nothing but what is always rendered when nothing changed', () => {
    expect(pagesToRender(digests(previous), previous)).toEqual([]);
  });

  it('renders every page of a kind of which more than half changed, and only the changed ones of the others', () => {
    const now = digests({ ...previous, a: '2', b: '2', c: '2', 'agencies/x': '2' });
    expect(pagesToRender(now, previous)).toEqual(['a', 'agencies/x', 'b', 'c', 'd']);
  });

  it('renders everything (null) when more than half of every kind changed, as after a build without listing digests', () => {
    const now = digests({ a: '2', b: '2', c: '2', d: '1', 'agencies/x': '2', 'agencies/y': '1', 'agencies/z': '2', 'years/2022': '2', 'years/2023': '2' });
    expect(pagesToRender(now, previous)).toBeNull();
  });

  it("renders every agency and year page after a build that had only report digests, and still only the changed reports", () => {
    const old = { a: '1', b: '1', c: '1', d: '1' };
    expect(pagesToRender(digests({ ...previous, a: '2' }), old)).toEqual(['a', 'agencies/x', 'agencies/y', 'agencies/z', 'years/2022', 'years/2023']);
  });
});

describe('renderCounts', () => {
  it('counts report pages apart from agency and year pages, and tells whether the pages with a script and the archive-wide pages were kept', () => {
    const pages = { a: '1', b: '1', 'agencies/x': '1', 'agencies/y': '1', 'years/2023': '1', 'scripted/pages': '1', 'archive/pages': '1', 'archive/outline': '1' };
    expect(renderCounts({ pages, render: ['a', 'agencies/y'] })).toEqual({ reports: { rendered: 1, total: 2 }, listings: { rendered: 1, total: 3 }, scriptedKept: true, archiveKept: true });
    // The outline pages rendered, the others kept: not all of the archive-wide pages were kept.
    expect(renderCounts({ pages, render: ['a', 'archive/outline'] }).archiveKept).toBe(false);
    expect(renderCounts({ pages, render: ['a', 'archive/pages', 'scripted/pages'] })).toEqual({ reports: { rendered: 1, total: 2 }, listings: { rendered: 0, total: 3 }, scriptedKept: false, archiveKept: false });
    expect(renderCounts({ pages, render: null })).toEqual({ reports: { rendered: 2, total: 2 }, listings: { rendered: 3, total: 3 }, scriptedKept: false, archiveKept: false });
  });
});
