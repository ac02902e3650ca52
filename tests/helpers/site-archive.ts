/**
 * A test archive folder with one of everything the site must handle: clean samples, a report
 * with an error, a file that is not a report (with markup in it), an unreadable file, a duplicate
 * id, the 2019 template, and two consecutive years of one body whose carry-over does not match.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalPage, tabRows, wordFile } from '../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../fixtures/distinct/reports.ts';
import { ROOT } from './paths.ts';

export const SAMPLE_DIR = join(ROOT, 'content', 'reports');
export const SAMPLE_FILES = ['000_5118e96f53a3c514.txt', '001_68f00f12ba36a829.txt', '002_485bb66b608aa965.txt', '003_c7abf9ce6f9dda34.txt', '004_9a3017047421a145.txt'];

export interface MixedArchive {
  dir: string;
  /** File name -> what it is. */
  files: Record<string, string>;
}

/** Writes the mixed archive into `dir` (created). */
export async function writeMixedArchive(dir: string, samples = SAMPLE_FILES): Promise<MixedArchive> {
  mkdirSync(dir, { recursive: true });
  for (const f of samples) copyFileSync(join(SAMPLE_DIR, f), join(dir, f));
  const sample0 = readFileSync(join(SAMPLE_DIR, '000_5118e96f53a3c514.txt'), 'utf8');
  // Front matter says 2021, the title 2023: an error; the report still has its page.
  writeFileSync(join(dir, 'broken.txt'), `---\nyear: 2021\n---\n${sample0}`);
  writeFileSync(join(dir, 'notes.txt'), '这是一份说明文件，不是年度报告。\n<script>alert(1)</script>\n没有表格。\n');
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4 not a report\n');
  copyFileSync(join(SAMPLE_DIR, '002_485bb66b608aa965.txt'), join(dir, '002_copy.txt'));
  // The same body two years running, as a saved portal page and as text; and a Word file.
  writeFileSync(join(dir, 'distinct-2023.html'), portalPage(fixtureReport('2021')));
  writeFileSync(join(dir, 'distinct-2024.txt'), tabRows(fixtureReport('2021')).replaceAll('2024年1月17日', '2025年1月17日').replaceAll('2023', '2024'));
  writeFileSync(join(dir, 'distinct-2019.docx'), await wordFile(fixtureReport('2019')));
  return {
    dir,
    files: {
      'broken.txt': 'report with an error',
      'notes.txt': 'not a report',
      'scan.pdf': 'unreadable',
      '002_copy.txt': 'duplicate id',
      'distinct-2023.html': '2021 template, 2023, a saved portal page',
      'distinct-2024.txt': '2021 template, 2024 (carry-over differs)',
      'distinct-2019.docx': '2019 template, Word',
    },
  };
}
