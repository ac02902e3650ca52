/** Reads and validates content/agencies.yaml; a missing file means an empty registry. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Registry, type AgencyRegistry } from '../core/model/registry.ts';

export class RegistryError extends Error {}

// YAML is loaded only when there is a registry file: Astro's loader under `npm run build` reads
// only cached reports and need not load it for an archive without one.
const yaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export function loadRegistry(file: string): AgencyRegistry | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = yaml().parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as { message: string; linePos?: { line: number }[] };
    throw new RegistryError(`${file}:${e.linePos?.[0]?.line ?? 1}: YAML 无法解析：${e.message}`);
  }
  const result = Registry.safeParse(data ?? { agencies: [] });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RegistryError(`${file}: 机构名录格式错误：${issue.path.join('.')} ${issue.message}`);
  }
  return result.data;
}
