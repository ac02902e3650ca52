/**
 * The Frictionless Data Package (v1) describing the downloads: the CSV as a tabular resource with
 * a field per column (stable name, Chinese title, type), the JSON and its JSON Schema.
 */
import { REPORT_COLUMNS } from '../../core/export/report-row.ts';
import { SCHEMA_VERSION } from '../../core/model/report.ts';

export interface PackageInfo {
  title: string;
  portalName: string;
  homepage: string;
  reports: number;
}

export function dataPackage(info: PackageInfo): Record<string, unknown> {
  return {
    profile: 'data-package',
    name: 'xxgk-nianbao-reports',
    title: `${info.title}（${info.portalName}）`,
    description: `政府信息公开工作年度报告的结构化数据，共 ${info.reports} 份报告。每份报告另有 reports/<编号>.json 与 reports/<编号>.csv（列与 reports.csv 相同）。数据结构版本 ${SCHEMA_VERSION}。`,
    homepage: info.homepage,
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'reports',
        path: 'reports.csv',
        title: '全部报告（每份报告一行，表二、表三、表四每个单元格一列）',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: 'UTF-8（带 BOM）。空白单元格表示原表该格为空或填写“/”等不适用标记，不同于 0。',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: REPORT_COLUMNS.map((c) => ({ name: c.name, title: c.title, type: c.type })),
          missingValues: [''],
          primaryKey: ['id'],
        },
      },
      {
        profile: 'data-resource',
        name: 'reports-json',
        path: 'reports.json',
        title: '全部报告（JSON，Report 对象数组）',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        description: '每个元素是一份报告的 Report 对象；结构见 schema.json。',
      },
      {
        profile: 'data-resource',
        name: 'report-schema',
        path: 'schema.json',
        title: 'Report 的 JSON Schema（由 zod 结构生成）',
        format: 'json',
        mediatype: 'application/schema+json',
        encoding: 'utf-8',
      },
    ],
  };
}
