/**
 * A small static server for the browser tests and the search benchmark: serves a directory under a
 * base path on 127.0.0.1 (a random port), gzip-compressing text files when the browser accepts it,
 * as a static host does. Anything outside the base path or the directory is a 404.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface Served {
  path: string;
  /** Bytes sent (after compression) and the file's own size. */
  sent: number;
  size: number;
}

export interface StaticServer {
  origin: string;
  /** Every response so far (the benchmark counts bytes with it). */
  served: Served[];
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/', options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const served: Served[] = [];
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(base)) throw new Error('outside base');
      let file = normalize(join(dir, path.slice(base.length)));
      if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) throw new Error('outside dir');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body: Buffer = await readFile(file);
      const size = body.length;
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
      if (options.gzip !== false && type !== 'application/octet-stream' && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
      served.push({ path, sent: body.length, size });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    served,
    url: (path: string) => `${origin}${base}${path.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
