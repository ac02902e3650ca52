/**
 * Bytes -> text, with the encoding detected: a BOM (UTF-8, UTF-16LE/BE) decides; otherwise the
 * bytes must be valid UTF-8, or else valid GB18030 (which covers GBK and GB2312) that reads as
 * Chinese text. Anything else is refused with a reason, never shown as mojibake.
 * Uses only the WHATWG TextDecoder, so the same code runs in Node and in the browser.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line ends and form feed mean the bytes are not text. */
function controlRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return text.length ? bad / text.length : 0;
}

/**
 * GB18030 decodes most byte soup without error, so a GB18030 reading must also look like
 * Chinese: mostly common CJK characters (GB2312 level 1 lies in U+4E00..U+9FA5), ASCII and
 * CJK punctuation, and rarely the 4-byte (supplementary or rare) characters.
 */
function looksLikeChinese(text: string): boolean {
  let han = 0;
  let rare = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x20) continue;
    total++;
    if (c >= 0x4e00 && c <= 0x9fa5) han++;
    else if (c < 0x7f || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027)) continue;
    else rare++;
  }
  return total === 0 || (han > 0 && rare / total < 0.05);
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text === null) throw new DecodeError('文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8');
    return { text, encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text === null) throw new DecodeError('文件以 UTF-16LE BOM 开头，但内容不是有效的 UTF-16');
    return { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text === null) throw new DecodeError('文件以 UTF-16BE BOM 开头，但内容不是有效的 UTF-16');
    return { text, encoding: 'utf-16be' };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) {
    if (controlRatio(utf8) > 0.01) throw new DecodeError('文件含有大量控制字符，不是文本文件');
    return { text: utf8, encoding: 'utf-8' };
  }
  const gb = strict('gb18030', bytes);
  if (gb !== null && controlRatio(gb) <= 0.01 && looksLikeChinese(gb)) return { text: gb, encoding: 'gb18030' };
  throw new DecodeError('无法识别文件编码：既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030/GBK 中文文本');
}
