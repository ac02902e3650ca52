/**
 * Text -> bytes in the encodings portals deliver, named as src/decode reports them. GB18030 is
 * written with iconv-lite (TextEncoder only writes UTF-8).
 */
import iconv from 'iconv-lite';
import type { Encoding } from '../../src/decode/decode-text.ts';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** Every encoding src/decode reads (UTF-16 only with its BOM: without one it is refused, by design). */
export const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'];

// tsc fails here when the decoder learns an encoding the corpus does not write.
const everyDecodedEncoding: [Exclude<Encoding, EncodingName>] extends [never] ? true : never = true;
void everyDecodedEncoding;

export function encode(text: string, encoding: EncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      // Node has no UTF-16BE encoder: little-endian code units, each pair of bytes swapped.
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
