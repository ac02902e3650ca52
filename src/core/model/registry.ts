/**
 * The optional agency registry (content/agencies.yaml): the canonical name of each body, the other
 * names it has used, its district, URL slug and parent body. Reports are grouped by canonical name.
 */
import * as z from 'zod/mini';

export const RegistryAgency = z.object({
  name: z.string().check(z.minLength(1), z.describe('Canonical name, e.g. 硚口区大数据中心')),
  aliases: z.optional(z.array(z.string())).check(z.describe('Other names the same body has used in titles')),
  district: z.optional(z.string()).check(z.describe('District the body belongs to')),
  slug: z.optional(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/))).check(z.describe('URL slug; pinyin of the name when absent')),
  parent: z.optional(z.string()).check(z.describe('The body it belongs to, e.g. the district government')),
});

export const Registry = z.object({
  agencies: z.array(RegistryAgency),
});

export type RegistryAgencyEntry = z.infer<typeof RegistryAgency>;
export type AgencyRegistry = z.infer<typeof Registry>;

/** The registry entry naming this agency (canonical name or alias), if any. */
export function lookupAgency(registry: AgencyRegistry | undefined, agency: string): RegistryAgencyEntry | undefined {
  if (!registry) return undefined;
  return registry.agencies.find((a) => a.name === agency || (a.aliases ?? []).includes(agency));
}
