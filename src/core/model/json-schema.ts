/** The published JSON Schema of the Report, generated from the zod schema (never by hand). */
import { toJSONSchema } from 'zod';
import { Report, SCHEMA_VERSION } from './report.ts';

export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...toJSONSchema(Report, { target: 'draft-2020-12' }),
    $id: `https://xxgk-nianbao.invalid/schema/report-v${SCHEMA_VERSION}.json`,
    title: 'Report: 政府信息公开工作年度报告 (normalized)',
  };
}
