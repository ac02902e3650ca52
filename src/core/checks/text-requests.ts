/**
 * text.requestsReceived: where the chapters state how many requests were received
 * ("共收到42条依申请公开申请", "收到…申请 0 件", "未收到依申请公开申请"), that number must
 * equal 表三 一、本年新收 总计.
 */
import type { CheckResult } from '../model/report.ts';
import { toHalfWidth } from '../text/normalize.ts';
import type { CellLookup, LineLookup } from './arithmetic.ts';

export interface NumberedText {
  text: string;
  line: number;
}

export interface RequestStatement {
  count: number;
  quote: string;
  line: number;
  /** The sentence counts last year's carried-over requests in ("含上年结转2件"). */
  includesCarriedOver: boolean;
}

const UNIT = '(?:件|条|个|份|宗|次|项|起)';
const RECEIVED = new RegExp(`(?:新|共|累计|共计)?(?:收到|受理|接到|接收|新收)([^。；，,]{0,24}?)(?:共计|共|合计)?(\\d+)${UNIT}([^。；]{0,14})`, 'g');
const NONE = /(?:未|没有|无)(?:新)?(?:收到|受理|接到|接收)([^。；]{0,16})/g;
const COUNT_IS = /依?申请(?:公开)?(?:件数|数量|总数|总量)(?:为|是|共|共计)?(\d+)/g;

/** Statements about other proceedings (复议, 诉讼, 建议提案) are not about disclosure requests. */
const OTHER_MATTER = /复议|诉讼|建议|提案|议案|投诉|举报|信访/;

function mentionsRequests(window: string): boolean {
  return /申请/.test(window) && !OTHER_MATTER.test(window);
}

/** A line that ends a sentence, a list item or a heading's colon: the next line starts anew. */
const SENTENCE_DONE = /[。！？；:：…][”」』)）]?$/;
/** Lines joined per sentence, at most this many (text from PDFs breaks sentences anywhere). */
const MAX_JOINED = 6;

interface Sentence {
  /** Half-width text without spaces, the lines of one sentence joined. */
  text: string;
  /** Where each source line starts in `text`. */
  starts: { at: number; line: number }[];
}

/**
 * Groups lines into sentences: a line that does not end one runs on into the next (PDF text).
 * Lazily, since the statement is usually in the first chapter: the rest is never normalized.
 */
function* sentencesOf(lines: NumberedText[]): Generator<Sentence> {
  let open: Sentence | null = null;
  for (const { text, line } of lines) {
    const t = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
    if (t === '') continue;
    if (!open || open.starts.length >= MAX_JOINED) {
      if (open) yield open;
      open = { text: '', starts: [] };
    }
    open.starts.push({ at: open.text.length, line });
    open.text += t;
    if (SENTENCE_DONE.test(t)) {
      yield open;
      open = null;
    }
  }
  if (open) yield open;
}

function lineAt(sentence: Sentence, at: number): number {
  let line = sentence.starts[0]!.line;
  for (const s of sentence.starts) if (s.at <= at) line = s.line;
  return line;
}

/** The first statement in the text about the number of requests received this year. */
export function findRequestStatement(lines: NumberedText[]): RequestStatement | null {
  for (const sentence of sentencesOf(lines)) {
    const t = sentence.text;
    const hits: { at: number; count: number; quote: string; includesCarriedOver: boolean }[] = [];
    for (const m of t.matchAll(RECEIVED)) {
      const window = `${m[1]}${m[3]}`;
      if (!mentionsRequests(window) || /上年|结转/.test(m[1]!)) continue;
      const includesCarriedOver = /^[^。；]{0,4}[(（]?(?:含|包括)(?:上年|上一年度?)?结转/.test(m[3]!);
      hits.push({ at: m.index, count: Number(m[2]), quote: m[0].split(/[,，]/)[0]!, includesCarriedOver });
    }
    for (const m of t.matchAll(NONE)) {
      if (mentionsRequests(m[1]!)) hits.push({ at: m.index, count: 0, quote: m[0].split(/[,，]/)[0]!, includesCarriedOver: false });
    }
    for (const m of t.matchAll(COUNT_IS)) hits.push({ at: m.index, count: Number(m[1]), quote: m[0], includesCarriedOver: false });
    if (hits.length) {
      const first = hits.reduce((a, b) => (b.at < a.at ? b : a));
      return { count: first.count, quote: first.quote, line: lineAt(sentence, first.at), includesCarriedOver: first.includesCarriedOver };
    }
  }
  return null;
}

export function textRequestsReceived(lines: NumberedText[], cell: CellLookup, line: LineLookup): CheckResult[] {
  const statement = findRequestStatement(lines);
  if (!statement) return [];
  const paths = statement.includesCarriedOver ? ['requests.newReceived.total', 'requests.carriedOver.total'] : ['requests.newReceived.total'];
  const values = paths.map((p) => cell(p));
  if (values.some((v) => v === undefined)) return [];
  const table = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  const ok = table === statement.count;
  const what = statement.includesCarriedOver ? '表三 一、本年新收 + 二、上年结转 总计' : '表三 一、本年新收 总计';
  const tableText = values.every((v) => v === null) ? '空（按 0 计）' : String(table);
  const message = ok
    ? `正文第 ${statement.line} 行“${statement.quote}”与${what}（${tableText}）一致`
    : `正文第 ${statement.line} 行“${statement.quote}”称收到 ${statement.count} 件，但${what}为 ${tableText}`;
  return [{ id: 'text.requestsReceived', ok, message, cells: paths, line: statement.line ?? line(paths[0]!) ?? null }];
}
