/**
 * npm run --silent parse -- FILE
 * Prints the Report of one file as JSON on stdout (nothing else); errors go to stderr naming the
 * file and line, with exit code 1.
 */
import { isRecognised } from '../../core/parse-report.ts';
import { registryFile, reportsDir } from '../archive-paths.ts';
import { loadRegistry, RegistryError } from '../load-registry.ts';
import { readReport, ReportFileError } from '../read-report.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write('usage: npm run --silent parse -- FILE\n');
  process.exit(2);
}
try {
  const report = await readReport(file, { root: reportsDir(), registry: loadRegistry(registryFile()) });
  if (!isRecognised(report)) {
    process.stderr.write(`${file}: 没有可识别的年度报告：既没有找到六个章节的标题，也没有找到表二、表三、表四\n`);
    process.exit(1);
  }
  for (const d of report.diagnostics) process.stderr.write(`${file}${d.line ? `:${d.line}` : ''}: ${d.level}: ${d.message}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} catch (err) {
  if (err instanceof ReportFileError || err instanceof RegistryError) {
    process.stderr.write(`${err.message.startsWith(file) ? '' : `${file}: `}${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
