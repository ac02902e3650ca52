import iconv from 'iconv-lite';
import { analyse } from 'chardet';
import { readFileSync } from 'node:fs';
import { decodeText } from '/work/wt-ingest/src/decode/decode-text.ts';
const text = readFileSync('/work/wt-ingest/tests/fixtures/samples/000_5118e96f53a3c514.txt', 'utf8');
const short = '硚口区大数据中心2023年度政府信息公开工作年度报告\n一、总体情况\n';
const jp = '日本語のテキストです。政府の情報公開に関する年次報告書。';
const kr = '정부 정보 공개 연례 보고서입니다. 한국어 텍스트입니다.';
for (const [name, t] of [['long', text], ['short', short], ['jp', jp], ['kr', kr]] as const) {
  for (const enc of ['gbk', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'euc-jp']) {
    let bytes: Uint8Array;
    try { bytes = iconv.encode(t, enc); } catch { continue; }
    let r: string;
    try { const d = decodeText(bytes); r = d.encoding + ' ' + JSON.stringify(d.text.slice(0, 20)); } catch (e) { r = 'ERR ' + (e as Error).message.slice(0, 30); }
    const a = analyse(bytes).slice(0, 4).map((x) => `${x.name}:${x.confidence}`).join(' ');
    console.log(name, enc, '=>', r, '|', a);
  }
}
