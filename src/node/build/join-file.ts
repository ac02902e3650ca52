/**
 * Downloads joined from their recipes (src/site/data/join-recipe.ts) into files: head, each
 * part's bytes read from its file with the separator between them, tail. Streamed through a few
 * buffers, so memory does not grow with the archive, and past the page cache (./direct-out.ts).
 *
 * Joins with as many parts each are written side by side, and where their k-th parts lie next to
 * each other in one file (a report's CSV row and its JSON, in the report store) one read fills
 * them all. The archive-wide CSV is 50,000 reads of a row each at 50,000 reports: 0.4 s, nearly
 * all of it calls into the kernel, of the 1.9 s both downloads took one after another.
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import { readByteRangeIntoEach, type ByteRange } from '../byte-range.ts';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { slotPadding } from '../../site/data/joined-bytes.ts';
import { DirectOut } from './direct-out.ts';
import type { JoinPiece } from './join-plan.ts';

const utf8 = new TextEncoder();

export interface JoinJob {
  recipe: JoinRecipe;
  /** Where the join is written. */
  path: string;
}

/**
 * The order in which `parts` lie one after another in one file with no gap between them (indexes
 * into `parts`), or null when they do not.
 */
export function sideBySide(parts: readonly ByteRange[]): number[] | null {
  if (parts.length < 2 || parts.some((p) => p.file !== parts[0]!.file)) return null;
  const order = parts.map((_, i) => i).sort((a, b) => parts[a]!.offset - parts[b]!.offset);
  for (let i = 1; i < order.length; i++) {
    const before = parts[order[i - 1]!]!;
    if (parts[order[i]!]!.offset !== before.offset + before.length) return null;
  }
  return order;
}

/** Open files by name, each opened once. */
class Sources {
  private readonly fds = new Map<string, number>();

  fd(file: string): number {
    let fd = this.fds.get(file);
    if (fd === undefined) this.fds.set(file, (fd = openSync(file, 'r')));
    return fd;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/**
 * One read for parts side by side, straight into each join's buffer, when each fits in the free
 * stretch of its buffer; false (nothing read) otherwise.
 */
async function readTogether(parts: readonly ByteRange[], outs: readonly DirectOut[], sources: Sources): Promise<boolean> {
  const order = sideBySide(parts);
  if (!order) return false;
  const rooms: Uint8Array[] = [];
  for (const [j, out] of outs.entries()) {
    const room = await out.room();
    if (room.length < parts[j]!.length) return false;
    rooms.push(room.subarray(0, parts[j]!.length));
  }
  const first = parts[order[0]!]!;
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  readByteRangeIntoEach(sources.fd(first.file), { file: first.file, offset: first.offset, length }, order.map((j) => rooms[j]!));
  outs.forEach((out, j) => out.took(parts[j]!.length));
  return true;
}

/**
 * Writes each job's join into its path, side by side when they have as many parts each; on failure
 * nothing is left at any of their paths and the error names the downloads.
 */
export async function writeJoinFiles(jobs: readonly JoinJob[]): Promise<void> {
  const sources = new Sources();
  const outs: DirectOut[] = [];
  let written = false;
  try {
    // Inside the try: a failure to create a file names the downloads too.
    for (const job of jobs) outs.push(new DirectOut(job.path));
    for (const [j, job] of jobs.entries()) await outs[j]!.add(utf8.encode(job.recipe.head));
    const separators = jobs.map((job) => utf8.encode(job.recipe.separator));
    const parts = jobs[0]?.recipe.parts.length ?? 0;
    const together = jobs.length > 1 && jobs.every((job) => job.recipe.parts.length === parts);
    const copyPart = (j: number, k: number) => {
      const part = jobs[j]!.recipe.parts[k]!;
      return outs[j]!.copy(sources.fd(part.file), part);
    };
    const pad = (j: number, k: number) => {
      const { slot, parts } = jobs[j]!.recipe;
      return slot ? outs[j]!.add(slotPadding(parts[k]!.length, slot)) : undefined;
    };
    if (together) {
      for (let k = 0; k < parts; k++) {
        if (k > 0) for (const [j, out] of outs.entries()) await out.add(separators[j]!);
        if (!(await readTogether(jobs.map((job) => job.recipe.parts[k]!), outs, sources))) for (let j = 0; j < jobs.length; j++) await copyPart(j, k);
        for (let j = 0; j < jobs.length; j++) await pad(j, k);
      }
    } else {
      for (const [j, job] of jobs.entries()) {
        for (let k = 0; k < job.recipe.parts.length; k++) {
          if (k > 0) await outs[j]!.add(separators[j]!);
          await copyPart(j, k);
          await pad(j, k);
        }
      }
    }
    for (const [j, job] of jobs.entries()) await outs[j]!.add(utf8.encode(job.recipe.tail));
    for (const out of outs) await out.close();
    written = true;
  } catch (err) {
    throw new Error(`无法生成 ${jobs.map((job) => job.recipe.out).join('、')}：${(err as Error).message}`);
  } finally {
    for (const out of outs) await out.discard();
    sources.close();
    if (!written) for (const job of jobs) rmSync(job.path, { force: true });
  }
}

/**
 * Writes a join made of pieces (./join-plan.ts: the last build's file's runs and the parts that
 * changed) into `path`; on failure nothing is left there and the error names the download.
 */
export async function writeJoinPieces(out: string, pieces: readonly JoinPiece[], path: string): Promise<void> {
  const sources = new Sources();
  let file: DirectOut | null = null;
  let written = false;
  try {
    file = new DirectOut(path);
    for (const piece of pieces) await ('bytes' in piece ? file.add(piece.bytes) : file.copy(sources.fd(piece.range.file), piece.range));
    await file.close();
    written = true;
  } catch (err) {
    throw new Error(`无法生成 ${out}：${(err as Error).message}`);
  } finally {
    await file?.discard();
    sources.close();
    if (!written) rmSync(path, { force: true });
  }
}
