/**
 * `astro build` as a process of its own, so its memory is returned to the system when it ends.
 *
 * The build starts Astro before it knows whether anything changed (its 2–3 s start-up then
 * overlaps the check of the inputs and the output), so Astro's output is held back until `show`:
 * a build that turns out not to be needed `stop`s Astro without a line of it on the screen.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { heapFlags } from './heap-limit.ts';

export interface AstroRun {
  /** Astro's exit code (1 when a signal ended it). */
  readonly exited: Promise<number>;
  /** Prints what Astro wrote so far, and from now on what it writes. */
  show(): void;
  /** Ends Astro and drops its output; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Colours as if Astro wrote to the terminal itself (its output goes through this process). */
function colourEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined ? { FORCE_COLOR: '1' } : {};
}

export function runAstro(root: string, env: Record<string, string>): AstroRun {
  const child = spawn(process.execPath, [...heapFlags(), join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...colourEnv(process.env), ...env },
  });
  let held: [NodeJS.WriteStream, Buffer][] | null = [];
  let dropped = false;
  const relay = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (dropped) return;
    if (held) held.push([to, chunk]);
    else to.write(chunk);
  };
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  // Astro must not outlive a build that ends early (an error before its snapshot was handed over).
  const orphaned = () => child.kill();
  process.on('exit', orphaned);
  const exited = new Promise<number>((done, fail) => {
    child.on('error', fail);
    // 'close': the output has been read to its end too.
    child.on('close', (code, signal) => {
      process.off('exit', orphaned);
      done(code ?? (signal ? 1 : 0));
    });
  });
  return {
    exited,
    show() {
      if (!held || dropped) return;
      for (const [to, chunk] of held) to.write(chunk);
      held = null;
    },
    async stop() {
      dropped = true;
      held = [];
      child.kill();
      await exited.catch(() => undefined);
    },
  };
}
