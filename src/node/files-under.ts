import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';

/** Every file under `dir` (none when it does not exist), sorted, relative to `dir` with / separators. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  // Paths are put together as strings: path.join and path.relative per file took 0.3 s of every build at 10,000 reports.
  const visit = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.isDirectory()) visit(`${abs}${sep}${e.name}`, `${rel}${e.name}/`);
      else if (e.isFile()) out.push(`${rel}${e.name}`);
    }
  };
  if (existsSync(dir)) visit(dir, '');
  return out.sort();
}
