/**
 * Collections: every report of the archive folder, the files in it that are not reports, and the
 * problems only the whole archive shows (duplicates, carry-over between years). Defined in
 * ./loader/collections.ts, which Node loads itself, not Vite's module runner (./loader/native-import.ts).
 */
import { importNatively } from './loader/native-import.ts';

export const { collections } = await importNatively(new URL('./loader/collections.ts', import.meta.url), () => import('./loader/collections.ts'));
