/**
 * `astro build` as a process of its own, so its memory is returned to the system when it ends.
 * The build starts it before it has read the archive (its loader waits for the snapshot), so a
 * build that ends early, on an error, must not leave it running: it is ended with the build.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { heapFlags } from './heap-limit.ts';

/**
 * Astro's exit code (1 when a signal ended it). `stop`: ends Astro when it is aborted (the build
 * found that Astro must start again, see scripts/build.ts); the promise settles once Astro has
 * exited, so nothing of it writes into its output after that.
 */
export function runAstro(root: string, env: Record<string, string>, stop?: AbortSignal): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...heapFlags(), join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    const end = () => child.kill();
    process.on('exit', end);
    stop?.addEventListener('abort', end, { once: true });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('exit', end);
      stop?.removeEventListener('abort', end);
      done(code ?? (signal ? 1 : 0));
    });
  });
}
