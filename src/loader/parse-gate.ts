/**
 * scripts/build.ts starts `astro build` while it reads and parses the archive itself, so Astro's
 * start-up (about 2.7 s) overlaps the parse. Astro's loader must not read the archive before that
 * parse is done, or it would parse every new file a second time: it waits here until the build
 * writes the gate file named by XXGK_PARSE_GATE ("ok", or the reason the parse failed).
 */
import { existsSync, readFileSync } from 'node:fs';

export async function waitForParse(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const gate = env.XXGK_PARSE_GATE;
  if (!gate) return;
  const parent = process.ppid;
  while (!existsSync(gate)) {
    // The build that would open the gate is gone: stop instead of waiting for ever.
    if (process.ppid !== parent) throw new Error('npm run build 已退出，未完成报告解析');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const state = readFileSync(gate, 'utf8');
  if (state !== 'ok') throw new Error(`报告解析失败：${state}`);
}
