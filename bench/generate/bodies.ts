/**
 * The kinds of bodies that publish annual reports in a 区/县, with what they publish about (for
 * the prose) and how busy they are (for the figures): a 市场监督管理局 decides thousands of
 * licences and receives dozens of requests; a 档案馆 decides none and receives a few.
 */
export type Domain =
  | 'government' | 'development' | 'education' | 'science' | 'civil' | 'justice' | 'finance' | 'labour'
  | 'land' | 'housing' | 'transport' | 'water' | 'agriculture' | 'commerce' | 'culture' | 'health'
  | 'veterans' | 'emergency' | 'audit' | 'market' | 'statistics' | 'insurance' | 'urban' | 'petition'
  | 'data' | 'service' | 'street' | 'town';

export interface Body {
  name: string;
  domain: Domain;
  /** Typical 依申请公开 requests a year (the upper end; most years are lower). */
  requests: number;
  /** Typical 行政许可 / 行政处罚 decisions a year. */
  licensing: number;
  punishment: number;
}

export const BODIES: readonly Body[] = [
  { name: '人民政府办公室', domain: 'government', requests: 120, licensing: 0, punishment: 0 },
  { name: '发展和改革局', domain: 'development', requests: 30, licensing: 40, punishment: 2 },
  { name: '教育局', domain: 'education', requests: 60, licensing: 30, punishment: 10 },
  { name: '科学技术和经济信息化局', domain: 'science', requests: 12, licensing: 5, punishment: 0 },
  { name: '民政局', domain: 'civil', requests: 40, licensing: 20, punishment: 3 },
  { name: '司法局', domain: 'justice', requests: 25, licensing: 10, punishment: 0 },
  { name: '财政局', domain: 'finance', requests: 35, licensing: 0, punishment: 2 },
  { name: '人力资源和社会保障局', domain: 'labour', requests: 80, licensing: 60, punishment: 30 },
  { name: '自然资源和规划局', domain: 'land', requests: 260, licensing: 400, punishment: 60 },
  { name: '住房和城乡建设局', domain: 'housing', requests: 220, licensing: 900, punishment: 120 },
  { name: '交通运输局', domain: 'transport', requests: 45, licensing: 1500, punishment: 600 },
  { name: '水务局', domain: 'water', requests: 30, licensing: 80, punishment: 20 },
  { name: '农业农村局', domain: 'agriculture', requests: 40, licensing: 200, punishment: 40 },
  { name: '商务局', domain: 'commerce', requests: 20, licensing: 50, punishment: 5 },
  { name: '文化和旅游局', domain: 'culture', requests: 25, licensing: 120, punishment: 40 },
  { name: '卫生健康局', domain: 'health', requests: 70, licensing: 800, punishment: 150 },
  { name: '卫生健康委员会', domain: 'health', requests: 70, licensing: 800, punishment: 150 },
  { name: '退役军人事务局', domain: 'veterans', requests: 30, licensing: 0, punishment: 0 },
  { name: '应急管理局', domain: 'emergency', requests: 35, licensing: 150, punishment: 90 },
  { name: '审计局', domain: 'audit', requests: 10, licensing: 0, punishment: 0 },
  { name: '市场监督管理局', domain: 'market', requests: 180, licensing: 6000, punishment: 900 },
  { name: '统计局', domain: 'statistics', requests: 8, licensing: 0, punishment: 3 },
  { name: '医疗保障局', domain: 'insurance', requests: 40, licensing: 0, punishment: 20 },
  { name: '城市管理执法局', domain: 'urban', requests: 90, licensing: 700, punishment: 2500 },
  { name: '城市管理局', domain: 'urban', requests: 90, licensing: 700, punishment: 2500 },
  { name: '信访局', domain: 'petition', requests: 15, licensing: 0, punishment: 0 },
  { name: '政务服务和大数据管理局', domain: 'data', requests: 50, licensing: 3000, punishment: 0 },
  { name: '行政审批局', domain: 'service', requests: 60, licensing: 8000, punishment: 0 },
  { name: '大数据中心', domain: 'data', requests: 5, licensing: 0, punishment: 0 },
  { name: '机关事务服务中心', domain: 'service', requests: 4, licensing: 0, punishment: 0 },
  { name: '企业服务中心', domain: 'commerce', requests: 6, licensing: 0, punishment: 0 },
  { name: '投资促进局', domain: 'commerce', requests: 8, licensing: 0, punishment: 0 },
  { name: '地方金融工作局', domain: 'finance', requests: 10, licensing: 5, punishment: 2 },
  { name: '人民防空办公室', domain: 'emergency', requests: 12, licensing: 60, punishment: 5 },
  { name: '档案馆', domain: 'culture', requests: 20, licensing: 0, punishment: 0 },
  { name: '园林和林业局', domain: 'agriculture', requests: 20, licensing: 90, punishment: 15 },
  { name: '房屋征收管理办公室', domain: 'housing', requests: 150, licensing: 0, punishment: 0 },
  { name: '体育局', domain: 'culture', requests: 6, licensing: 20, punishment: 2 },
  { name: '民族宗教事务局', domain: 'civil', requests: 5, licensing: 10, punishment: 0 },
  { name: '乡村振兴局', domain: 'agriculture', requests: 12, licensing: 0, punishment: 0 },
  { name: '综合行政执法局', domain: 'urban', requests: 60, licensing: 100, punishment: 1800 },
  { name: '疾病预防控制中心', domain: 'health', requests: 15, licensing: 0, punishment: 0 },
  { name: '住房保障和房屋管理局', domain: 'housing', requests: 110, licensing: 300, punishment: 30 },
  { name: '公共资源交易中心', domain: 'service', requests: 25, licensing: 0, punishment: 0 },
  { name: '不动产登记中心', domain: 'land', requests: 140, licensing: 0, punishment: 0 },
  { name: '生态环境分局', domain: 'water', requests: 60, licensing: 150, punishment: 80 },
  { name: '粮食和物资储备局', domain: 'agriculture', requests: 4, licensing: 10, punishment: 1 },
  { name: '残疾人联合会', domain: 'civil', requests: 6, licensing: 0, punishment: 0 },
];

/** Bodies of a 街道 (in a 区) or 镇/乡 (in a 县). */
export const STREET_BODY: Body = { name: '街道办事处', domain: 'street', requests: 25, licensing: 0, punishment: 40 };
export const TOWN_BODY: Body = { name: '镇人民政府', domain: 'town', requests: 20, licensing: 30, punishment: 20 };
