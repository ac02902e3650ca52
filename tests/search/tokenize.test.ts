/** The tokenizer shared by the indexer and the search page. */
import { describe, expect, it } from 'vitest';
import { analyse, containsAll, foldChar, indexWords, queryRuns, RUN_END, runLookups, runsOf, searchRuns, windowAt } from '../../src/search/tokenize.ts';

describe('foldChar', () => {
  it.each([
    ['２', ['2']],
    ['Ａ', ['a']],
    ['Q', ['q']],
    ['é', ['e']],
    ['硚', ['硚']],
    ['㎡', ['m', '2']],
    ['½', ['1', '2']],
    ['，', []],
    ['。', []],
    ['<', []],
    [' ', []],
    ['\u3000', []],
    [RUN_END, []],
  ])('%s → %j', (ch, folded) => {
    expect(foldChar(ch)).toEqual(folded);
  });
});

describe('searchRuns', () => {
  it.each([
    ['硚口区2023年', ['硚口区2023年']],
    ['２０２３年　硚口区', ['2023年硚口区']],
    ['2023 年 1 月', ['2023年1月']],
    ['大数据，中心', ['大数据', '中心']],
    ['（一）政府信息主动公开情况\n为全面贯彻', ['一', '政府信息主动公开情况', '为全面贯彻']],
    ['Hello World', ['hello', 'world']],
    ['PDF 下载', ['pdf下载']],
    ['区', ['区']],
    ['，。、', []],
    ['', []],
    ['<script>alert(1)</script>', ['script', 'alert', '1', 'script']],
  ])('%j → %j', (text, runs) => {
    expect(searchRuns(text)).toEqual(runs);
  });
});

describe('analyse', () => {
  it('keeps the original text of every position, with the punctuation before it', () => {
    const a = analyse('我中心，PDF 下载。\n第二行');
    expect(a.chars.join('')).toBe('我中心pdf下载第二行');
    expect(a.shown.join('')).toBe('我中心PDF下载第二行');
    expect(a.gap).toEqual(['', '', '', '，', '', '', ' ', '', '。\n', '', '']);
    expect(a.runStart.map(Number).join('')).toBe('10010000100');
    expect(a.tail).toBe('');
  });

  it('gives a character that folds to several one position each, shown once', () => {
    const a = analyse('面积㎡。');
    expect(a.chars).toEqual(['面', '积', 'm', '2']);
    expect(a.shown).toEqual(['面', '积', '㎡', '']);
    expect(a.tail).toBe('。');
  });

  it('keeps an accent on its letter when shown', () => {
    const a = analyse('cafe\u0301');
    expect(a.chars.join('')).toBe('cafe');
    expect(a.shown.join('')).toBe('cafe\u0301');
  });
});

describe('index words', () => {
  it('are the window at every position, cut short at the end of a run', () => {
    expect(indexWords(analyse('大数据中心，硚口'))).toEqual(['大数据中', '数据中心', `据中心${RUN_END}`, `中心${RUN_END}`, `心${RUN_END}`, `硚口${RUN_END}`, `口${RUN_END}`]);
  });

  it('give a lone character a word of its own', () => {
    expect(indexWords(analyse('区'))).toEqual([`区${RUN_END}`]);
  });

  it('count astral characters as one character', () => {
    expect(windowAt(Array.from('𠀀𠀁𠀂𠀃𠀄'), 1, 4)).toBe('𠀁𠀂𠀃𠀄');
  });

  it('are the windows of each run, for any window size', () => {
    const a = analyse('硚口区大数据中心，2023 年度 Web 平台；㎡ 𠀀𠀁𠀂𠀃𠀄 a 区');
    for (const size of [2, 4, 8]) expect(indexWords(a, size)).toEqual(runsOf(a).flatMap((run) => run.map((_, i) => windowAt(run, i, size))));
    expect(indexWords(a)).toContain(`口区大数`);
    expect(indexWords(a)).toContain(`a区${RUN_END}`); // a space next to a Han character does not end a run
  });

  it('have one word per position, so positions are character positions', () => {
    const a = analyse('硚口区大数据中心2023年度政府信息公开工作年度报告。第二句');
    expect(indexWords(a)).toHaveLength(a.chars.length);
  });
});

describe('queryRuns', () => {
  it.each([
    ['硚口 2023', ['硚口', '2023']],
    ['  硚口　2023 ', ['硚口', '2023']],
    ['硚口 硚口区', ['硚口区']],
    ['硚口区2023', ['硚口区2023']],
    ['大数据，中心', ['大数据', '中心']],
    ['<script>alert(1)</script>', ['script', 'alert', '1']],
    ['，。', []],
    ['', []],
  ])('%j → %j', (input, runs) => {
    expect(queryRuns(input)).toEqual(runs);
  });
});

describe('runLookups', () => {
  it('looks a run of up to four characters up as itself', () => {
    expect(runLookups('区')).toEqual([{ word: '区', offset: 0 }]);
    expect(runLookups('行政许可')).toEqual([{ word: '行政许可', offset: 0 }]);
  });

  it('looks a longer run up by full windows that overlap by a character', () => {
    expect(runLookups('依申请公开')).toEqual([
      { word: '依申请公', offset: 0 },
      { word: '申请公开', offset: 1 },
    ]);
    expect(runLookups('硚口区大数据中心')).toEqual([
      { word: '硚口区大', offset: 0 },
      { word: '大数据中', offset: 3 },
      { word: '数据中心', offset: 4 },
    ]);
    const long = runLookups('东湖新技术开发区政务服务和大数据管理局');
    expect(long.map((l) => l.offset)).toEqual([0, 3, 6, 9, 12, 15]);
    for (let i = 1; i < long.length; i++) expect(long[i]!.offset - long[i - 1]!.offset).toBeLessThanOrEqual(3);
  });
});

describe('the literal-substring truth', () => {
  const text = '硚口区大数据中心2023年度政府信息公开工作年度报告\n区大数据中心切实加强组织领导，认真履行';
  const runs = searchRuns(text);
  it.each([
    ['数据中', true],
    ['区大数', true],
    ['硚口 2023', true],
    ['大数据 领导', true],
    ['中心切实', true],
    ['领导认真', false], // a comma stands between them
    ['报告区大', false], // a line break stands between them
    ['湛河', false],
  ])('%s: %s', (q, expected) => {
    expect(containsAll(runs, queryRuns(q))).toBe(expected);
  });
});
