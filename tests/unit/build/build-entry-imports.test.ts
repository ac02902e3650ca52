/**
 * scripts/build.ts starts Astro before it loads the parser and the search index (0.4 s of loading
 * at 10,000 reports), and a build with nothing to do ends without loading them: its static
 * imports must stay light. What it loads later comes through src/node/build/build-steps.ts.
 * Astro's loader reads only reports the build has parsed: it loads the parser only for a file the
 * parse cache lacks (src/node/parse-entry.ts), not with its own modules.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/paths.ts';

/**
 * Files (relative to the project) that `entry` loads through static value imports and re-exports,
 * not types; with `loadedLater`, also those it loads through import() of a relative path.
 */
function staticClosure(entry: string, loadedLater = false): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms)) visit(relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!)));
    if (loadedLater) for (const m of text.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) visit(relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!)));
  };
  visit(entry);
  return seen;
}

const HEAVY = ['src/node/read-report.ts', 'src/core/parse-report.ts', 'src/search/build/build-search-index.ts', 'src/loader/page-digests.ts', 'src/loader/archive-snapshot.ts'];

describe("the build's entry", () => {
  it('loads neither the parser nor the search index nor the page digests before it has started Astro', () => {
    const entry = staticClosure('scripts/build.ts');
    expect(entry.has('src/node/build-inputs.ts') && entry.has('src/node/build/run-astro.ts')).toBe(true);
    expect(HEAVY.filter((f) => entry.has(f))).toEqual([]);
  });

  it('loads them later, through build-steps.ts', () => {
    const text = readFileSync(join(ROOT, 'scripts/build.ts'), 'utf8');
    expect(text).toMatch(/await import\('\.\.\/src\/node\/build\/build-steps\.ts'\)/);
    const later = staticClosure('src/node/build/build-steps.ts', true);
    expect(HEAVY.filter((f) => !later.has(f))).toEqual([]);
  });
});

describe("Astro's loader", () => {
  it('loads the parser only when a file is parsed, not with its own modules', () => {
    const loader = staticClosure('src/loader/reports-loader.ts');
    expect(loader.has('src/node/read-archive.ts') && loader.has('src/loader/archive-snapshot.ts')).toBe(true);
    expect(['src/core/parse-report.ts', 'src/formats/report-file.ts', 'src/node/read-report.ts', 'src/formats/meta-yaml.ts'].filter((f) => loader.has(f))).toEqual([]);
    // …and reaches it through the archive read's import() when it must parse.
    expect(staticClosure('src/loader/reports-loader.ts', true).has('src/core/parse-report.ts')).toBe(true);
  });
});
