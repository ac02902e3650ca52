/** What is indexed for a report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport } from '../../src/node/read-report.ts';
import { figuresLine, markdownText, searchRecord } from '../../src/search/records.ts';
import { FIXTURES, ROOT, SAMPLES } from '../helpers/paths.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const file = (name: string) => join(SAMPLES, name);
const r000 = await readReport(file('000_5118e96f53a3c514.txt'), { registry });
const r002 = await readReport(file('002_485bb66b608aa965.txt'), { registry });
const rec000 = searchRecord(r000);

describe('searchRecord', () => {
  it('holds the chapters, the figures, then title, agency, district and year', () => {
    expect(rec000.text.startsWith('（一）政府信息主动公开情况\n为全面贯彻落实《信息公开条例》')).toBe(true);
    expect(rec000.text.slice(rec000.headerOffset)).toBe('硚口区大数据中心2023年度政府信息公开工作年度报告\n硚口区大数据中心\n硚口区\n2023年');
    expect(rec000.text).toContain('行政许可 0件；行政处罚 0件；行政强制 0件；行政事业性收费 0万元；新收政府信息公开申请 0件；行政复议 0件；行政诉讼 0件');
    expect(rec000).toMatchObject({ id: '2023-qiaokou-dashuju-zhongxin', url: 'reports/2023-qiaokou-dashuju-zhongxin/', agency: '硚口区大数据中心', district: '硚口区', year: 2023 });
  });

  it('leaves out the statutory table labels, chapter headings and the preamble formula', () => {
    const raw = readFileSync(file('000_5118e96f53a3c514.txt'), 'utf8');
    for (const boilerplate of ['属于国家秘密', '本列数据的勾稽关系', '法律服务机构', '商业企业', '结转下年度继续办理', '主动公开政府信息情况', '存在的主要问题及改进情况', '第五十条']) {
      expect(raw).toContain(boilerplate);
      expect(rec000.text).not.toContain(boilerplate);
    }
  });

  it('names the agency both ways when the registry knows it by another name', () => {
    const rec = searchRecord(r002);
    expect(rec.agency).toBe('东湖新技术开发区政务服务和大数据管理局');
    expect(rec.text.slice(rec.headerOffset).split('\n')).toEqual(['政务服务和大数据管理局2023年政府信息公开工作年度报告', '政务服务和大数据管理局', '东湖新技术开发区政务服务和大数据管理局', '东湖新技术开发区', '2023年']);
    expect(figuresLine(r002)).toBe('行政许可 112341件；行政处罚 12件；行政强制 0件；行政事业性收费 0万元；新收政府信息公开申请 42件；行政复议 0件；行政诉讼 0件');
  });

  it('keeps what a report wrote, HTML included, as plain text', async () => {
    const rec = searchRecord(await readReport(join(FIXTURES, 'search', 'script-in-text.txt'), { registry }));
    expect(rec.text).toContain('网站留言中出现过<script>alert(1)</script>和<img src=x onerror=alert(2)>这样的文字');
  });
});

describe('markdownText', () => {
  it('gives headings and paragraphs as lines, without Markdown syntax', () => {
    expect(markdownText('### （一）标题\n\n正文 \\*星号\\* 和 \\[方括号\\]\n\n1\\. 第一条\n\n普通段落。')).toBe('（一）标题\n正文 *星号* 和 [方括号]\n1. 第一条\n普通段落。');
    expect(markdownText('')).toBe('');
  });
});
