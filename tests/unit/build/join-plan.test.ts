/**
 * A partial build's downloads written against the last build's (src/node/build/join-plan.ts):
 * changed parts that fit their slots are written in place, otherwise the file is made from the
 * last one's unchanged runs and the new parts; either way the result is byte for byte the file a
 * whole join of the new recipe gives.
 */
import { copyFileSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ByteRange } from '../../../src/node/byte-range.ts';
import { writeJoinFiles, writeJoinPieces } from '../../../src/node/build/join-file.ts';
import { joinLayout, planJoin, type JoinPlan, type LastJoin } from '../../../src/node/build/join-plan.ts';
import type { JoinRecipe } from '../../../src/site/data/join-recipe.ts';
import { slotLength, slotPadding } from '../../../src/site/data/joined-bytes.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-join-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pack of parts: each a run of one letter, of the length given; its ranges in order. */
let packs = 0;
function pack(lengths: readonly number[]): ByteRange[] {
  const file = join(dir, `pack-${packs++}.bin`);
  const parts: ByteRange[] = [];
  let offset = 0;
  const chunks = lengths.map((length, i) => {
    parts.push({ file, offset, length });
    offset += length;
    return Buffer.alloc(length, 0x61 + ((i + packs) % 26));
  });
  writeFileSync(file, Buffer.concat(chunks));
  return parts;
}

const recipeOf = (parts: ByteRange[], slot?: number): JoinRecipe => ({ out: 'data/x.json', head: '[', separator: ',', tail: ']', ...(slot ? { slot } : {}), parts });

/** A last file as the thread finds it. */
const found = (path: string, inPlace = true): LastJoin => ({ path, size: statSync(path).size, inPlace });

/** The file a whole join of the recipe gives. */
async function whole(recipe: JoinRecipe, name: string): Promise<Buffer> {
  const path = join(dir, name);
  await writeJoinFiles([{ recipe, path }]);
  return readFileSync(path);
}

/** The plan carried out as the build does: a patch into a copy of the last file, pieces into a new one. */
async function carryOut(plan: JoinPlan, recipe: JoinRecipe, lastFile: string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  if (plan.how === 'patch') {
    copyFileSync(lastFile, path);
    const fd = openSync(path, 'r+');
    for (const { at, part } of plan.writes) {
      const bytes = Buffer.concat([readFileSync(part.file).subarray(part.offset, part.offset + part.length), slotPadding(part.length, recipe.slot)]);
      writeSync(fd, bytes, 0, bytes.length, at);
    }
    closeSync(fd);
  } else if (plan.how === 'pieces') await writeJoinPieces(recipe.out, plan.pieces, path);
  else throw new Error('whole: nothing to carry out');
  return readFileSync(path);
}

describe('slots', () => {
  it('take the next multiple of the slot above the part, with at least one byte of padding ending in a newline', () => {
    expect([0, 1, 4094, 4095, 4096, 8191, 8192].map((n) => slotLength(n, 4096))).toEqual([4096, 4096, 4096, 4096, 8192, 8192, 12288]);
    expect(slotLength(4096, undefined)).toBe(4096);
    expect(Buffer.from(slotPadding(4093, 4096)).toString()).toBe('  \n');
    expect(Buffer.from(slotPadding(4095, 4096)).toString()).toBe('\n');
    expect(slotPadding(10, undefined)).toHaveLength(0);
  });

  it('lay out the joined file: where each part starts, its slot and the size', () => {
    const [a, b, c] = pack([10, 5000, 0]) as [ByteRange, ByteRange, ByteRange];
    expect(joinLayout(recipeOf([a, b, c], 4096))).toEqual({ starts: [1, 4098, 12291], slots: [4096, 8192, 4096], size: 16388 });
    expect(joinLayout(recipeOf([a, b, c]))).toEqual({ starts: [1, 12, 5013], slots: [10, 5000, 0], size: 5014 });
  });
});

describe('planJoin', () => {
  const lengths = Array.from({ length: 40 }, (_, i) => 300 + ((i * 977) % 9000));

  it('patches in place the parts that changed within their slots, and the file is the whole join of the new recipe', async () => {
    const last = recipeOf(pack(lengths), 4096);
    const lastFile = join(dir, 'patch-last.json');
    writeFileSync(lastFile, await whole(last, 'patch-last-whole.json'));
    // Two reports changed: one shorter by 100 bytes, one longer within its slot.
    const [shorter, longer] = pack([lengths[3]! - 100, lengths[17]! + (slotLength(lengths[17]!, 4096) - lengths[17]! - 1)]) as [ByteRange, ByteRange];
    const parts = [...last.parts];
    parts[3] = shorter;
    parts[17] = longer;
    const recipe = recipeOf(parts, 4096);
    const plan = planJoin(recipe, last, found(lastFile));
    expect(plan.how).toBe('patch');
    expect(plan.how === 'patch' && plan.writes.map((w) => [w.at, w.part])).toEqual([
      [joinLayout(last).starts[3], shorter],
      [joinLayout(last).starts[17], longer],
    ]);
    expect((await carryOut(plan, recipe, lastFile, 'patched.json')).equals(await whole(recipe, 'patch-want.json'))).toBe(true);
    // Nothing changed: a patch of nothing.
    expect(planJoin(last, last, found(lastFile))).toEqual({ how: 'patch', writes: [] });
  });

  it('makes the file again from the last one when a part outgrew its slot, came or went, keeping the unchanged runs whole', async () => {
    const last = recipeOf(pack(lengths), 4096);
    const lastFile = join(dir, 'pieces-last.json');
    writeFileSync(lastFile, await whole(last, 'pieces-last-whole.json'));
    const [grown, added] = pack([slotLength(lengths[5]!, 4096), 1234]) as [ByteRange, ByteRange];
    const cases: [string, ByteRange[], number][] = [
      // [what, the new parts, how many are new]
      ['a part past its slot', last.parts.map((p, k) => (k === 5 ? grown : p)), 1],
      ['a part gone', last.parts.filter((_, k) => k !== 20), 0],
      ['a part added', [...last.parts.slice(0, 9), added, ...last.parts.slice(9)], 1],
      ['the first gone, one added at the end', [...last.parts.slice(1), added], 1],
    ];
    for (const [what, parts, fresh] of cases) {
      const recipe = recipeOf(parts, 4096);
      const plan = planJoin(recipe, last, found(lastFile));
      expect(plan.how, what).toBe('pieces');
      if (plan.how !== 'pieces') continue;
      expect(plan.fresh, what).toBe(fresh);
      // The unchanged parts come in at most two runs of the last file, whatever their number.
      expect(plan.pieces.filter((p) => 'range' in p && p.range.file === lastFile).length, what).toBeLessThanOrEqual(2);
      expect((await carryOut(plan, recipe, lastFile, `pieces-${what}.json`)).equals(await whole(recipe, `pieces-want-${what}.json`)), what).toBe(true);
    }
  });

  it('makes the file again rather than patch one that shares its bytes (inPlace false), and for a join without slots when a part changed length', async () => {
    const last = recipeOf(pack(lengths));
    const lastFile = join(dir, 'plain-last.csv');
    writeFileSync(lastFile, await whole(last, 'plain-last-whole.csv'));
    const [same, other] = pack([lengths[2]!, lengths[2]! + 1]) as [ByteRange, ByteRange];
    // The same length without slots: in place, unless it may not be.
    const sameLength = recipeOf(last.parts.map((p, k) => (k === 2 ? same : p)));
    expect(planJoin(sameLength, last, found(lastFile)).how).toBe('patch');
    const apart = planJoin(sameLength, last, found(lastFile, false));
    expect(apart.how).toBe('pieces');
    expect((await carryOut(apart, sameLength, lastFile, 'apart.csv')).equals(await whole(sameLength, 'apart-want.csv'))).toBe(true);
    const longer = recipeOf(last.parts.map((p, k) => (k === 2 ? other : p)));
    const plan = planJoin(longer, last, found(lastFile));
    expect(plan.how).toBe('pieces');
    expect((await carryOut(plan, longer, lastFile, 'longer.csv')).equals(await whole(longer, 'longer-want.csv'))).toBe(true);
  });

  it('joins whole without a last recipe, with another joint, with a last file of another size, or with nothing in common', () => {
    const last = recipeOf(pack(lengths), 4096);
    const file: LastJoin = { path: join(dir, 'x'), size: joinLayout(last).size, inPlace: true };
    expect(planJoin(last, undefined, file)).toEqual({ how: 'whole' });
    // A last file of another size than its recipe gives (changed since): nothing taken from it.
    expect(planJoin(last, last, { ...file, size: file.size - 1 })).toEqual({ how: 'whole' });
    expect(planJoin(last, last, file).how).toBe('patch');
    expect(planJoin({ ...last, slot: 1024 }, last, file)).toEqual({ how: 'whole' });
    expect(planJoin({ ...last, separator: ';' }, last, file)).toEqual({ how: 'whole' });
    expect(planJoin({ ...last, out: 'data/y.json' }, last, file)).toEqual({ how: 'whole' });
    // Every report stored again (another pack), one fewer: nothing to copy.
    expect(planJoin(recipeOf(pack(lengths.slice(1)), 4096), last, file)).toEqual({ how: 'whole' });
  });
});
