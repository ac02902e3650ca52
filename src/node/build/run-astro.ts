/**
 * `astro build` as a process of its own, so its memory is returned to the system when it ends.
 * The build starts it before it has read the archive (its loader waits for the snapshot), so a
 * build that ends early, on an error, must not leave it running: it is ended with the build.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { heapFlags } from './heap-limit.ts';

/** Astro's exit code (1 when a signal ended it), once Astro has exited. */
export function runAstro(root: string, env: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...heapFlags(), join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    const end = () => child.kill();
    process.on('exit', end);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('exit', end);
      done(code ?? (signal ? 1 : 0));
    });
  });
}
