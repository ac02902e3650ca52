import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file under `dir`, sorted, relative with / separators, with its bytes (base64). */
export function treeOf(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return Object.fromEntries(
    walk(dir)
      .map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f).toString('base64')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The same shape as treeOf for files given as path -> text. */
export function textTree(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([f, t]) => [f, Buffer.from(t).toString('base64')] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every folder under `dir` (relative, sorted). */
export function foldersOf(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...walk(join(d, e.name))] : []));
  return walk(dir).map((f) => relative(dir, f).split('\\').join('/')).sort();
}

/** Writes files given as path -> text under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
}

export const inodeOf = (path: string) => lstatSync(path).ino;
