/**
 * Bytes -> text, with the encoding detected: a BOM (UTF-8, UTF-16LE/BE) decides; otherwise the
 * bytes must be valid UTF-8, or else valid GB18030 (which covers GBK and GB2312) that reads as
 * Chinese text. Anything else is refused with a reason, never shown as mojibake.
 * Uses the WHATWG TextDecoder and chardet (pure JS), so the same code runs in Node and the browser.
 */
import { eastAsianMatches } from './east-asian.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {}

const DECODERS = new Map<string, TextDecoder>();

function strict(label: string, bytes: Uint8Array): string | null {
  // A decoder is reusable: each decode() call without { stream: true } starts afresh.
  let decoder = DECODERS.get(label);
  if (!decoder) DECODERS.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The characters controlRatio counts; most texts have none, which one scan tells. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/;

/** Control characters other than tab, line ends and form feed mean the bytes are not text. */
function controlRatio(text: string): number {
  if (!CONTROL.test(text)) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return text.length ? bad / text.length : 0;
}

const NAMES: Record<string, string> = { Big5: 'Big5（繁体中文）', Shift_JIS: 'Shift-JIS（日文）', 'EUC-JP': 'EUC-JP（日文）', 'EUC-KR': 'EUC-KR（韩文）' };
/** Below this confidence a GB18030 reading is not trusted (ICU: 100 for ordinary Chinese prose). */
const MIN_CONFIDENCE = 50;
const SAMPLE = 64 * 1024;

/**
 * GB18030 decodes Big5, Shift-JIS, EUC-KR and most byte soup without error, so a valid GB18030
 * reading is accepted only when ICU's frequency statistics rank it above every other East Asian
 * encoding. Returns null when it is GB18030 text, else the name of the likelier encoding (or '').
 */
function otherThanGb(bytes: Uint8Array): string | null {
  const ranked = eastAsianMatches(bytes.subarray(0, SAMPLE));
  const gb = ranked.find((m) => m.name === 'GB18030');
  const rival = ranked.filter((m) => m.name !== 'GB18030').sort((a, b) => b.confidence - a.confidence)[0];
  if (gb && gb.confidence >= MIN_CONFIDENCE && (!rival || gb.confidence > rival.confidence)) return null;
  return rival && rival.confidence >= MIN_CONFIDENCE && (!gb || rival.confidence >= gb.confidence) ? (NAMES[rival.name] ?? rival.name) : '';
}

let level1: Set<string> | undefined;
/** The 3,755 common characters of GB2312 level 1 (rows 16–55), which make up almost all Chinese prose. */
function gb2312Level1(): Set<string> {
  if (level1) return level1;
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  level1 = new Set(new TextDecoder('gb18030').decode(new Uint8Array(bytes)));
  return level1;
}

/** Share of the Han characters that are common ones: near 1 for Chinese, far lower for misread bytes. */
function commonHanShare(text: string): number {
  const common = gb2312Level1();
  let han = 0;
  let hits = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x4e00 || c > 0x9fff) continue;
    han++;
    if (common.has(ch)) hits++;
  }
  return han === 0 ? 0 : hits / han;
}

/** Plain text read as UTF-16: printable, and Chinese (common characters) or mostly ASCII. */
function readsAsText(text: string | null): boolean {
  if (text === null || text.length < 4 || controlRatio(text) > 0.01) return false;
  let ascii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x7f) ascii++;
  return ascii / text.length > 0.9 || commonHanShare(text) >= 0.8;
}

/** UTF-16 text that lost (or never had) its BOM: named, since it cannot be told apart reliably. */
function bomlessUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  if (bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE));
  if (readsAsText(strict('utf-16le', sample))) return 'LE';
  if (readsAsText(strict('utf-16be', sample))) return 'BE';
  return null;
}

const SAVE_AS = '请用 UTF-8 或 GBK 另存后再放入';

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
  if (utf8 !== null && controlRatio(utf8) <= 0.01) return { text: utf8, encoding: 'utf-8' };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) throw new DecodeError(`文件像是没有 BOM 的 UTF-16${utf16} 文本，无法可靠识别；${SAVE_AS}`);
  if (utf8 !== null) throw new DecodeError('文件含有大量控制字符，不是文本文件');
  const gb = strict('gb18030', bytes);
  const other = otherThanGb(bytes);
  if (gb !== null && controlRatio(gb) <= 0.01 && other === null && commonHanShare(gb) >= 0.8) return { text: gb, encoding: 'gb18030' };
  throw new DecodeError(
    other
      ? `无法识别文件编码：内容像是 ${other} 编码，不是 UTF-8 或 GB18030/GBK；${SAVE_AS}`
      : gb !== null && controlRatio(gb) <= 0.01
        ? `无法识别文件编码：不是 UTF-8，按 GB18030/GBK 读出的也不像中文文本；${SAVE_AS}`
        : '无法识别文件编码：既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030/GBK 中文文本',
  );
}
