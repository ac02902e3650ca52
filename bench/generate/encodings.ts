/**
 * Text -> bytes in the encodings portals deliver, named as src/decode reports them. GB18030 is
 * written with iconv-lite (TextEncoder only writes UTF-8).
 */
import iconv from 'iconv-lite';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';
export const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'];

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
  }
}
