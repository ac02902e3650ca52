/**
 * A schema with a description. Recorded as metadata in zod's global registry, as `z.describe`
 * records it (the JSON Schema is the same), but without `z.describe`'s no-op check: zod runs
 * the checks of every field at every validation, and a Report has some 250 described fields.
 */
import * as z from 'zod/mini';

export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  // A clone, as `.check()` makes one: the same base schema is described differently per field.
  const copy = schema.clone();
  (copy as z.ZodMiniType).register(z.globalRegistry, { description });
  return copy;
}
