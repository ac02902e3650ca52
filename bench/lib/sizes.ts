/**
 * Sizes of build outputs: a folder's bytes and files, and what a browser downloads for one page
 * (the HTML, its stylesheets and scripts, each gzipped as a static host would serve them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FolderSize {
  bytes: number;
  files: number;
}

export function folderSize(dir: string): FolderSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** gzip size at level 9 (what a precompressing static host serves). */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).length;
}

export interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  cssGzip: number;
  /** HTML + CSS, gzipped: the report-page budget. */
  htmlCssGzip: number;
  /** JavaScript the page loads: external scripts, module preloads and inline scripts, gzipped. */
  jsGzip: number;
  scripts: number;
  stylesheets: number;
}

/** Resolves an URL of the page to a file in dist (absolute, relative, with or without base path). */
function resolveAsset(dist: string, page: string, url: string, base: string): string | null {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const path = url.split(/[?#]/)[0]!;
  const candidates = path.startsWith('/')
    ? [path.startsWith(base) ? path.slice(base.length) : path, path]
    : [relative(dist, join(dirname(page), path))];
  for (const c of candidates) {
    const f = normalize(join(dist, c));
    if (f.startsWith(dist) && existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((x) => x !== undefined) ?? null;

export function pageWeight(dist: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(page, 'utf8');
  const basePath = base.endsWith('/') ? base.slice(0, -1) : base;
  let css = '';
  let js = '';
  let scripts = 0;
  let stylesheets = 0;
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    const file = resolveAsset(dist, page, href, basePath);
    if (!file) continue;
    if (rel.split(/\s+/).includes('stylesheet')) {
      css += readFileSync(file, 'utf8');
      stylesheets++;
    } else if (rel === 'modulepreload') {
      js += readFileSync(file, 'utf8');
      scripts++;
    }
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<script ${m[1]}>`, 'src');
    const type = (attr(`<script ${m[1]}>`, 'type') ?? '').toLowerCase();
    if (type === 'application/json' || type === 'application/ld+json') continue; // data, not code
    if (src) {
      const file = resolveAsset(dist, page, src, basePath);
      if (file) js += readFileSync(file, 'utf8');
      scripts++;
    } else if (m[2]!.trim()) {
      js += m[2];
      scripts++;
    }
  }
  const htmlGzip = gzipSize(html);
  const cssGzip = css ? gzipSize(css) : 0;
  return { page: relative(dist, page), htmlBytes: Buffer.byteLength(html), htmlGzip, cssGzip, htmlCssGzip: htmlGzip + cssGzip, jsGzip: js ? gzipSize(js) : 0, scripts, stylesheets };
}
