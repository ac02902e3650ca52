import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SAMPLES = join(FIXTURES, 'samples');
export const LAYOUTS = join(FIXTURES, 'layouts');
/** Node 24 from the node@24 devDependency: the CLIs are run the way npm runs them. */
export const NODE = join(ROOT, 'node_modules', '.bin', 'node');
