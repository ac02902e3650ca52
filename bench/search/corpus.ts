/**
 * A synthetic archive for the search benchmark: `count` reports by ~1,700 agencies over the years
 * 2019–2024, each with 5–10 KB of Chinese prose in six chapters. The prose recombines the sample
 * reports' sentences (their own agency names replaced by the report's agency) with sentences
 * built from templates and words of pinyin-pro's dictionary, so the vocabulary keeps growing with
 * the archive as a real one does. Deterministic: the same count gives the same archive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Report } from '../../src/core/model/report.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport } from '../../src/node/read-report.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export const DISTRICTS = ['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '青山区', '洪山区', '东西湖区', '汉南区', '蔡甸区', '江夏区', '黄陂区', '新洲区', '东湖新技术开发区', '湛河区', '新华区', '卫东区', '石龙区', '宝丰县', '叶县', '鲁山县', '郏县', '舞钢市', '汝州市'];
const TYPES = ['大数据中心', '机关事务服务中心', '企业服务中心', '政务服务和大数据管理局', '发展和改革局', '教育局', '科学技术和经济信息化局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水务局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '城市管理执法局', '信访局', '人民政府办公室', '档案馆'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  '{y}年，{A}围绕{w}和{w}工作，主动公开{w}相关信息{n}条。',
  '全年通过门户网站发布{w}类信息{n}条，{w}专栏更新{n}次，访问量达{n}人次。',
  '按照{w}要求，{A}修订完善{w}制度，开展{w}培训{n}场次，参训人员{n}人。',
  '围绕{w}、{w}等群众关注事项，及时回应社会关切，发布政策解读{n}篇。',
  '{D}范围内{w}项目建设稳步推进，{A}公开{w}信息{n}条，涉及资金{n}万元。',
  '下一步，{A}将进一步加强{w}和{w}，持续提升{w}工作水平。',
  '本年度共办理{w}事项{n}件，其中{w}{n}件，{w}{n}件，均在法定期限内办结。',
  '针对{w}不够及时的问题，{A}建立{w}工作台账，明确责任人和完成时限。',
];

export interface Corpus {
  reports: Report[];
  agencies: { name: string; district: string }[];
}

/** Sentences of the sample reports' chapters, their own names replaced by placeholders. */
async function sampleSentences(): Promise<{ sentences: string[]; template: Report }> {
  const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
  const dir = join(ROOT, 'content', 'reports');
  const reports = await Promise.all(readdirSync(dir).sort().map((f) => readReport(join(dir, f), { registry })));
  const names = (registry?.agencies ?? []).flatMap((a) => [a.name, ...(a.aliases ?? [])]).sort((a, b) => b.length - a.length);
  const sentences = new Set<string>();
  for (const r of reports) {
    for (const s of r.sections) {
      for (const block of s.markdown.split(/\n{2,}/)) {
        if (block.startsWith('#')) continue;
        for (let sentence of block.match(/[^。！？；]+[。！？；]?/g) ?? []) {
          for (const n of names) sentence = sentence.split(n).join('{A}');
          sentence = sentence.replace(/硚口区|湛河区|东湖高新区|东湖新技术开发区/g, '{D}').trim();
          if (sentence.length >= 8) sentences.add(sentence);
        }
      }
    }
  }
  return { sentences: [...sentences], template: reports[0]! };
}

function dictionaryWords(): string[] {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('pinyin-pro'), 'utf8');
  return [...new Set(source.match(/[\u4e00-\u9fff]{2,4}/g) ?? [])];
}

export async function makeCorpus(count: number, seed = 20240101): Promise<Corpus> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const { sentences, template } = await sampleSentences();
  const words = dictionaryWords();

  const agencies: { name: string; district: string }[] = [];
  for (const district of DISTRICTS) for (const type of TYPES) agencies.push({ name: district + type, district });
  const needed = Math.ceil(count / YEARS.length);
  for (let i = 0; agencies.length < needed; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    agencies.push({ name: `${district}${words[(i * 7919) % words.length]}${i}街道办事处`, district });
  }

  const reports: Report[] = [];
  for (let i = 0; i < count; i++) {
    const agency = agencies[i % needed]!;
    const year = YEARS[Math.floor(i / needed) % YEARS.length]!;
    const fill = (s: string) =>
      s
        .replace(/\{A\}/g, () => (rand() < 0.5 ? agency.name : '我单位'))
        .replace(/\{D\}/g, agency.district)
        .replace(/\{y\}/g, String(year))
        .replace(/\{w\}/g, () => pick(words))
        .replace(/\{n\}/g, () => String(Math.floor(rand() * 500)));
    const target = 5000 + Math.floor(rand() * 5000); // UTF-8 bytes of prose
    const chapters: string[][] = [[], [], [], [], [], []];
    let bytes = 0;
    while (bytes < target) {
      const sentence = fill(rand() < 0.6 ? pick(sentences) : pick(TEMPLATES));
      const chapter = Math.min(5, Math.floor(rand() * rand() * 7)); // chapter 1 is the longest
      chapters[chapter]!.push(sentence);
      bytes += Buffer.byteLength(sentence);
    }
    const sections = chapters.map((c, k) => ({
      no: k + 1,
      title: template.sections[k]!.title,
      markdown: c.length ? `### （一）${pick(words)}情况\n\n${c.join('')}` : '',
    }));
    const id = `${year}-agency-${i % needed}`;
    reports.push({
      ...template,
      id,
      title: `${agency.name}${year}年政府信息公开工作年度报告`,
      agency: agency.name,
      canonicalAgency: agency.name,
      agencySlug: `agency-${i % needed}`,
      district: agency.district,
      year,
      sections,
      proactive: { ...template.proactive, licensing: Math.floor(rand() * 50) },
      requests: { ...template.requests, newReceived: { ...template.requests.newReceived, total: Math.floor(rand() * 40) } },
    });
  }
  return { reports, agencies: agencies.slice(0, needed) };
}
