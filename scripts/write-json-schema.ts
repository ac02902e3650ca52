/** npm run schema [-- OUT]: prints (or writes) the Report JSON Schema generated from zod. */
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../src/core/model/json-schema.ts';

const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
if (process.argv[2]) writeFileSync(process.argv[2], text);
else process.stdout.write(text);
