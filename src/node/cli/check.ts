/**
 * npm run check [-- --strict]
 * Reads every file of the archive folder (content/reports/, or REPORTS_DIR), prints one line per
 * report (id, title, status) and every diagnostic and failing check as FILE:LINE: message, then a
 * summary. Exit 1 when any file has an error; with --strict also when any check fails.
 */
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { archiveProblems, problemsByFile } from '../../core/archive/archive-checks.ts';
import { registryFile, reportsDir } from '../archive-paths.ts';
import { loadRegistry, RegistryError } from '../load-registry.ts';
import { readArchive } from '../read-archive.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const noCache = args.includes('--no-cache');
const unknown = args.filter((a) => a !== '--strict' && a !== '--no-cache');
if (unknown.length) {
  process.stderr.write(`usage: npm run check [-- --strict] [--no-cache]\nunknown argument: ${unknown.join(' ')}\n`);
  process.exit(2);
}

const dir = reportsDir();
if (!existsSync(dir)) {
  process.stderr.write(`${dir}: 报告目录不存在（用 REPORTS_DIR 指定）\n`);
  process.exit(1);
}
let registry;
const regFile = registryFile();
try {
  registry = loadRegistry(regFile);
} catch (err) {
  if (err instanceof RegistryError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
const registryDigest = existsSync(regFile) ? createHash('sha256').update(readFileSync(regFile)).digest('hex') : '';
const entries = await readArchive(dir, { registry, registryDigest, workers: availableParallelism(), ...(noCache ? { cache: null } : {}) });
const reports = entries.flatMap((e) => (e.report && !e.error ? [e.report] : []));
const problems = archiveProblems(reports);

const out: string[] = [];
let errorFiles = 0;
let failingChecks = 0;
let warnings = 0;
const byFile = problemsByFile(problems);
for (const e of entries) {
  const r = e.report;
  const own = byFile.get(e.file) ?? [];
  const errors = (r?.diagnostics.filter((d) => d.level === 'error').length ?? 0) + (e.error ? 1 : 0) + own.filter((p) => p.level === 'error').length;
  const warns = (r?.diagnostics.filter((d) => d.level === 'warning').length ?? 0) + own.filter((p) => p.level === 'warning').length;
  const failing = r?.checks.filter((c) => !c.ok) ?? [];
  if (errors) errorFiles++;
  failingChecks += failing.length;
  warnings += warns;
  const status = [errors ? `${errors} 个错误` : '', failing.length ? `${failing.length} 项校验未通过` : '', warns ? `${warns} 个警告` : ''].filter(Boolean).join('，') || '通过';
  out.push(`${errors ? '✗' : failing.length ? '!' : '✓'} ${r?.id ?? '-'}  ${r?.title || e.file}  ${status}`);
  const at = (line: number | null) => `${e.file}${line ? `:${line}` : ''}`;
  if (e.error) out.push(`  ${at(e.error.line)}: error: ${e.error.message}`);
  for (const d of r?.diagnostics ?? []) out.push(`  ${at(d.line)}: ${d.level}: ${d.message}`);
  for (const c of failing) out.push(`  ${at(c.line)}: check ${c.id}: ${c.message}`);
  for (const p of own) out.push(`  ${at(p.line)}: ${p.level}: ${p.message}`);
}
out.push('');
out.push(`${entries.length} 个文件：${reports.length} 份报告可读，${errorFiles} 个文件有错误，${failingChecks} 项校验未通过，${warnings} 个警告`);
process.stdout.write(`${out.join('\n')}\n`);
process.exit(errorFiles > 0 || (strict && failingChecks > 0) ? 1 : 0);
