/**
 * A digest cache for parse results, shared by the Astro loader, the search indexer and the CLI:
 * an unchanged file (same bytes, same sidecar, same registry, same parser code) is not parsed
 * again. The parser's own source is part of the key, so changing the parser invalidates it.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWholeSoon } from './write-whole.ts';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** The .ts sources of folders or files under src/ (relative paths), for a digest of code. */
function hashSources(h: ReturnType<typeof createHash>, paths: readonly string[]): void {
  for (const p of paths) {
    const path = join(SRC, p);
    for (const f of statSync(path).isDirectory() ? listFiles(path) : [path]) {
      if (!f.endsWith('.ts')) continue;
      h.update(f.slice(SRC.length));
      h.update(readFileSync(f));
    }
  }
}

/** A digest of the code under src/ at these paths (folders or files). */
export function sourceDigest(paths: readonly string[]): string {
  const h = createHash('sha256');
  hashSources(h, paths);
  return h.digest('hex').slice(0, 16);
}

/**
 * The code that turns a file's bytes into what the cache holds: the parser and the file reading
 * around it, not the build steps that share src/node (a change to those must not make every
 * report parse again). tests/unit/loader/source-digest.test.ts checks it covers their imports.
 */
export const PARSER_SOURCES = [
  'core',
  'decode',
  'formats',
  'node/read-report.ts',
  'node/report-bytes.ts',
  'node/parse-entry.ts',
  'node/sha256.ts',
  'node/read-meta.ts',
  'node/read-archive.ts',
  'node/brief-pack.ts',
  'node/brief-columns.ts',
  'node/loose-bound.ts',
  'node/archive-paths.ts',
  'node/load-registry.ts',
  'node/parse-in-workers.ts',
  'node/parse-worker.ts',
  'node/parse-cache.ts',
  'node/write-whole.ts',
] as const;

let parserVersionMemo: string | undefined;
/** A digest of the code that turns bytes into a Report. */
export function parserVersion(): string {
  if (parserVersionMemo) return parserVersionMemo;
  const h = createHash('sha256');
  hashSources(h, PARSER_SOURCES);
  // The libraries that decode and convert (chardet, mammoth, parse5…) are part of the parser too.
  const lock = join(SRC, '..', 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  parserVersionMemo = h.digest('hex').slice(0, 16);
  return parserVersionMemo;
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.XXGK_CACHE_DIR ?? 'node_modules/.cache/xxgk/parse');
}

/**
 * One file per entry: its head and, optionally, a tail that only some reads need (a report's
 * checks, four fifths of it), as two JSON texts on two lines. JSON text holds no raw line
 * end, so the first one splits them, and a head-only read parses only the head. One file, not a
 * file per part: creating files is what a cold parse waits for most on this machine's disk.
 */
export class ParseCache<T, P = never> {
  readonly dir: string;
  hits = 0;
  misses = 0;
  constructor(dir: string = cacheDir()) {
    this.dir = dir;
  }

  key(...parts: string[]): string {
    // One-shot: a Hash object per key cost 45 ms of every build at 10,000 reports, this 7 ms.
    return hash('sha256', [parserVersion(), ...parts].join('\u0000'), 'hex');
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** Whether an entry is there, without reading it (and without counting a hit or a miss). */
  has(key: string): boolean {
    return fileExists(this.file(key));
  }

  /** An entry's head. */
  get(key: string): T | undefined {
    return this.read(key, false)?.head;
  }

  /** An entry's head and tail; a miss when the entry has no tail. */
  getWhole(key: string): { head: T; tail: P } | undefined {
    return this.read(key, true);
  }

  /**
   * Writes an entry on libuv's threads while this one parses the next file: creating a file is
   * slow on this machine's disk (1,000 entries took 1.6 s of a cold parse). Whole or not at all:
   * a build killed mid-write never leaves a torn entry. `flush` waits for them.
   */
  setSoon(key: string, head: T, tail?: P): void {
    const written = writeWholeSoon(this.file(key), entryText(head, tail));
    // Its failure is reported by flush, not as an unhandled rejection before it.
    written.catch(() => undefined);
    this.writing.push(written);
  }

  /** Waits for the entries set with setSoon (and fails as the first of them failed). */
  async flush(): Promise<void> {
    const writing = this.writing;
    this.writing = [];
    await Promise.all(writing);
  }

  private writing: Promise<void>[] = [];

  private read(key: string, withTail: boolean): { head: T; tail: P } | undefined {
    try {
      const bytes = withTail ? readFileSync(this.file(key)) : readHead(this.file(key));
      const end = bytes.indexOf(0x0a);
      if (withTail && end < 0) throw new Error('no tail');
      const head = JSON.parse(bytes.toString('utf8', 0, end < 0 ? bytes.length : end)) as T;
      const tail = (withTail ? JSON.parse(bytes.toString('utf8', end + 1)) : undefined) as P;
      this.hits++;
      return { head, tail };
    } catch {
      this.misses++;
      return undefined;
    }
  }
}

/** Most heads fit: a head-only read then reads no tail (four fifths of an entry) and allocates nothing. */
const HEAD_BUFFER = Buffer.allocUnsafe(64 * 1024);

/**
 * The entry's bytes up to its first line end (or all of it): one read into a buffer kept for it,
 * or the whole file when the head is longer. An entry here averages 39 KB and its head 12 KB:
 * at 50,000 reports whole reads allocate about 1.9 GB per build for 0.6 GB of heads.
 */
function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, HEAD_BUFFER, 0, HEAD_BUFFER.length, 0);
    const head = HEAD_BUFFER.subarray(0, n);
    return head.includes(0x0a) || n < HEAD_BUFFER.length ? head : readFileSync(file);
  } finally {
    closeSync(fd);
  }
}

function entryText(head: unknown, tail: unknown): string {
  return tail === undefined ? JSON.stringify(head) : `${JSON.stringify(head)}\n${JSON.stringify(tail)}`;
}

export function fileExists(file: string): boolean {
  // Most reports have no sidecar: asking without an exception keeps that miss cheap.
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // not a missing file but an unreadable path (ENOTDIR, EACCES …)
  }
}
