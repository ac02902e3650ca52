/**
 * How many entries a cache kept whole may have changed beside it (in a small file of additions or
 * changes) before it is written whole again: a twentieth of its size, at least 64. Shared by the
 * briefs' pack (./brief-pack.ts), the kept page digests (./kept-pages.ts) and the report index
 * (src/loader/report-index.ts).
 */
export const looseBound = (size: number) => Math.max(64, Math.ceil(size / 20));
