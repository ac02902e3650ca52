/**
 * Vite plugin: in the browser bundle (the validator page), `pinyin-pro` resolves to
 * client/lazy-pinyin.ts, which answers from a table made at build time and loads the library on
 * demand. Server-side rendering, the build's own parsing and the CLI keep the library as it is.
 */
import { fileURLToPath } from 'node:url';

export const LAZY_PINYIN = fileURLToPath(new URL('./client/lazy-pinyin.ts', import.meta.url));

interface ResolveContext {
  environment?: { config?: { consumer?: string } };
}

export function lazyPinyinInBrowser() {
  return {
    name: 'xxgk:lazy-pinyin-in-browser',
    enforce: 'pre' as const,
    resolveId(this: ResolveContext, source: string, importer: string | undefined, options?: { ssr?: boolean }) {
      if (source !== 'pinyin-pro' || importer === LAZY_PINYIN) return null;
      const browser = this.environment?.config?.consumer ? this.environment.config.consumer === 'client' : !options?.ssr;
      return browser ? LAZY_PINYIN : null;
    },
  };
}
