/** `astro build` as a process of its own, so its memory is returned to the system when it ends. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { heapFlags } from './heap-limit.ts';

export function runAstro(root: string, env: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...heapFlags(), join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
