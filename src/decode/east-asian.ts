/**
 * chardet's five East Asian multi-byte recognisers (ICU's, by character frequency), run alone.
 * chardet's `analyse` runs all 27 of its recognisers (UTF-32, ISO-2022, a dozen single-byte code
 * pages …) and this decoder keeps only these five results; each recogniser scores the bytes on
 * its own, so running just these gives the same confidences in about half the time.
 */
import type { Context } from 'chardet/lib/encoding/index.js';
import { big5, euc_jp, euc_kr, gb_18030, sjis } from 'chardet/lib/encoding/mbcs.js';
import type { Match } from 'chardet/lib/match.js';

const RECOGNISERS = [new sjis(), new big5(), new euc_jp(), new euc_kr(), new gb_18030()];

/** The East Asian encodings the bytes may be in, with chardet's confidence (0–100). */
export function eastAsianMatches(bytes: Uint8Array): Match[] {
  // The context chardet's analyse builds; the multi-byte recognisers read only the raw bytes.
  const byteStats: number[] = new Array(256).fill(0);
  for (let i = 0; i < bytes.length; i++) byteStats[bytes[i]!]!++;
  const c1Bytes = byteStats.slice(0x80, 0xa0).some((n) => n !== 0);
  const context: Context = { byteStats, c1Bytes, rawInput: bytes, rawLen: bytes.length, inputBytes: bytes, inputLen: bytes.length };
  return RECOGNISERS.map((r) => r.match(context)).filter((m): m is Match => m !== null);
}
