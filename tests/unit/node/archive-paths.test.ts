/** Paths inside a folder: cut off the front when under it, resolved otherwise; the same with or without a trailing slash. */
import { describe, expect, it } from 'vitest';
import { inFolder } from '../../../src/node/archive-paths.ts';

describe('inFolder', () => {
  it('cuts the folder off a path under it, whether the folder ends with a slash or not', () => {
    expect(inFolder('/work/site/content/reports/2023/a.txt', '/work/site')).toBe('content/reports/2023/a.txt');
    expect(inFolder('/work/site/content/reports/2023/a.txt', '/work/site/')).toBe('content/reports/2023/a.txt');
  });

  it('does not take a sibling folder that shares the name as its start for the folder', () => {
    expect(inFolder('/work/site-old/a.txt', '/work/site')).toBe('../site-old/a.txt');
  });

  it('walks up out of the folder for a path outside it', () => {
    expect(inFolder('/elsewhere/reports/a.txt', '/work/site/')).toBe('../../elsewhere/reports/a.txt');
  });
});
