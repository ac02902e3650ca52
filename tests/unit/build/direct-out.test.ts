/**
 * DirectOut (src/node/build/direct-out.ts) writes exactly the bytes it is given, added and copied
 * across block and buffer boundaries and around its ring of buffers, past the page cache where the file system accepts O_DIRECT
 * (this machine's ext4 does, and tmpfs since Linux 6.6) and through it otherwise. No file system
 * here refuses O_DIRECT, so the switch to the page cache on EINVAL is not exercised; the page
 * cache's own path is (`direct: false`).
 */
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOCK, DirectOut } from '../../../src/node/build/direct-out.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-direct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes that differ from place to place, so a piece written twice or at the wrong offset shows. */
const pattern = (length: number, seed: number) => {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 12)) & 0xff;
  return bytes;
};

/** Whether this folder's file system takes O_DIRECT (what DirectOut should then use). */
function acceptsDirect(folder: string): boolean {
  if (!constants.O_DIRECT) return false;
  try {
    closeSync(openSync(join(folder, 'probe'), constants.O_WRONLY | constants.O_CREAT | constants.O_DIRECT));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(join(folder, 'probe'), { force: true });
  }
}

const MB = 1 << 20;
const SIZES = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, MB - 1, MB, MB + 1, 3 * MB + 12_345];

describe('DirectOut', () => {
  const source = join(dir, 'source.bin');
  const sourceBytes = pattern(4 * MB + 777, 1);
  writeFileSync(source, sourceBytes);

  for (const direct of [true, false]) {
    it(`writes added and copied bytes in order, whatever their sizes (${direct ? 'past the page cache where it can' : 'through the page cache'})`, async () => {
      for (const size of SIZES) {
        const path = join(dir, `out-${direct}-${size}.bin`);
        const out = new DirectOut(path, direct);
        expect(out.direct).toBe(direct && acceptsDirect(dir));
        const head = pattern(size, 2);
        const fd = openSync(source, 'r');
        try {
          await out.add(Buffer.from('['));
          await out.add(head);
          // A range of another file that starts and ends inside blocks.
          await out.copy(fd, { file: source, offset: 1_001, length: size });
          await out.add(Buffer.from(']'));
          await out.close();
        } finally {
          closeSync(fd);
        }
        const expected = Buffer.concat([Buffer.from('['), head, sourceBytes.subarray(1_001, 1_001 + size), Buffer.from(']')]);
        const written = readFileSync(path);
        expect(written.length, String(size)).toBe(expected.length);
        expect(written.equals(expected), String(size)).toBe(true);
      }
    });
  }

  it('keeps the order of many pieces that wrap around its buffers, none a whole block', async () => {
    for (const direct of [true, false]) {
      const path = join(dir, `pieces-${direct}.bin`);
      const out = new DirectOut(path, direct);
      const pieces = Array.from({ length: 2_600 }, (_, i) => pattern(4_093 + (i % 3), i));
      for (const piece of pieces) await out.add(piece);
      await out.close();
      expect(readFileSync(path).equals(Buffer.concat(pieces)), String(direct)).toBe(true);
    }
  });

  it('throws a failed write from a later call, once the writes under way have ended (a full disk: /dev/full)', async () => {
    for (const direct of [true, false]) {
      const out = new DirectOut('/dev/full', direct);
      // Three buffers' worth: the first write fails while the next buffers are filled.
      const run = async () => {
        for (let i = 0; i < 3; i++) await out.add(pattern(MB, i));
        await out.close();
      };
      await expect(run(), String(direct)).rejects.toMatchObject({ code: 'ENOSPC' });
      await out.discard();
    }
  });

  it('truncates a file that was there, and names a source shorter than its range', async () => {
    const path = join(dir, 'again.bin');
    writeFileSync(path, pattern(2 * MB, 3));
    const out = new DirectOut(path);
    await out.add(Buffer.from('short'));
    await out.close();
    expect(readFileSync(path, 'utf8')).toBe('short');
    const fd = openSync(source, 'r');
    const broken = new DirectOut(join(dir, 'broken.bin'));
    try {
      await expect(broken.copy(fd, { file: source, offset: sourceBytes.length - 10, length: 20 })).rejects.toThrow(`${source}: 文件比记录的短`);
    } finally {
      await broken.discard();
      closeSync(fd);
    }
  });
});
