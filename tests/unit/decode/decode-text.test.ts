import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, DecodeError } from '../../../src/decode/decode-text.ts';

const sample = readFileSync(new URL('../../fixtures/samples/000_5118e96f53a3c514.txt', import.meta.url), 'utf8');
const shortTitle = '硚口区大数据中心2023年度政府信息公开工作年度报告\n一、总体情况\n';

const bom = (b: number[], body: Uint8Array) => new Uint8Array([...b, ...body]);

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    expect(decodeText(bom([0xef, 0xbb, 0xbf], new TextEncoder().encode(sample)))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE and UTF-16BE with BOM', () => {
    expect(decodeText(bom([0xff, 0xfe], iconv.encode(sample, 'utf-16le')))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(bom([0xfe, 0xff], iconv.encode(sample, 'utf-16be')))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it.each(['gbk', 'gb18030', 'cp936'])('reads %s without any marker, long or short', (enc) => {
    expect(decodeText(iconv.encode(sample, enc))).toEqual({ text: sample, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(shortTitle, enc))).toEqual({ text: shortTitle, encoding: 'gb18030' });
  });

  it('reads GB2312-only text (a subset of GBK)', () => {
    const text = '本年度共收到政府信息公开申请42件，予以公开12件。\r\n';
    expect(decodeText(iconv.encode(text, 'gb2312'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('keeps CRLF and CR line ends for the line splitter', () => {
    const crlf = sample.replace(/\n/g, '\r\n');
    const cr = sample.replace(/\n/g, '\r');
    expect(decodeText(iconv.encode(crlf, 'gbk')).text).toBe(crlf);
    expect(decodeText(new TextEncoder().encode(cr)).text).toBe(cr);
  });

  it.each([
    ['big5', 'Big5'],
    ['shift_jis', 'Shift-JIS'],
    ['euc-jp', 'EUC-JP'],
  ])('refuses Chinese text in %s with an error naming it, never mojibake', (enc, named) => {
    const bytes = iconv.encode(sample.replace(/硚/g, '桥'), enc);
    expect(() => decodeText(bytes)).toThrow(DecodeError);
    expect(() => decodeText(bytes)).toThrow(named);
  });

  it('refuses Korean EUC-KR (valid GB18030 bytes, but not Chinese)', () => {
    const bytes = iconv.encode('정부 정보 공개 연례 보고서입니다. 한국어 텍스트입니다. 이 문서는 시험용입니다.', 'euc-kr');
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes).length).toBeGreaterThan(0);
    expect(() => decodeText(bytes)).toThrow(/EUC-KR/);
  });

  it('refuses Japanese Shift-JIS text', () => {
    expect(() => decodeText(iconv.encode('日本語のテキストです。政府の情報公開に関する年次報告書。', 'shift_jis'))).toThrow(/Shift-JIS/);
  });

  it('refuses binary data: a zip header, random bytes, NUL-filled data', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xa1, 0xf3, 0x9c, 0x8a, 0xff, 0x01]);
    let seed = 7;
    const random = new Uint8Array(4000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    for (const bytes of [zip, random, new Uint8Array(100)]) expect(() => decodeText(bytes)).toThrow(DecodeError);
  });

  it('names UTF-16 that lost its BOM instead of reading it as UTF-8', () => {
    expect(() => decodeText(iconv.encode(sample, 'utf-16le'))).toThrow(/没有 BOM 的 UTF-16LE/);
    expect(() => decodeText(iconv.encode(sample, 'utf-16be'))).toThrow(/没有 BOM 的 UTF-16BE/);
  });

  it('refuses bytes that claim UTF-8 by BOM but are not', () => {
    expect(() => decodeText(bom([0xef, 0xbb, 0xbf], iconv.encode(sample, 'gbk')))).toThrow('UTF-8 BOM');
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
