import { describe, expect, it } from 'vitest';
import { barPanel, PANEL, panelSummary } from '../../../src/site/chart.ts';

describe('barPanel', () => {
  const panel = barPanel(['2021年', '2022年', '2023年', '2024年'], [10, 40, null, 0]);

  it('stands bars on one baseline, heights proportional to the values', () => {
    const [a, b, c, d] = panel.bars;
    expect(panel.baseline).toBe(PANEL.height - PANEL.bottom);
    for (const bar of panel.bars) expect(bar.y + bar.height).toBeCloseTo(panel.baseline, 5);
    expect(b!.height / a!.height).toBeCloseTo(4, 1);
    // The tallest bar stays inside the plot (the scale's maximum is a "nice" number ≥ 40).
    expect(b!.y).toBeGreaterThanOrEqual(PANEL.top);
    expect(c!.height).toBe(0);
    expect(d!.height).toBe(0);
  });

  it('labels an empty value with a dash and 0 with 0', () => {
    expect(panel.bars.map((b) => b.valueText)).toEqual(['10', '40', '—', '0']);
    expect(panelSummary('新收申请', panel.bars)).toBe('新收申请：2021年 10，2022年 40，2023年 空白，2024年 0');
  });

  it('places bars left to right inside the panel, equally wide', () => {
    const xs = panel.bars.map((b) => b.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(new Set(panel.bars.map((b) => b.width)).size).toBe(1);
    expect(xs[0]!).toBeGreaterThanOrEqual(PANEL.side);
    const last = panel.bars[3]!;
    expect(last.x + last.width).toBeLessThanOrEqual(PANEL.width - PANEL.side);
  });

  it('draws nothing tall when every value is empty or 0', () => {
    const flat = barPanel(['2023年'], [0]);
    expect(flat.bars[0]!.height).toBe(0);
    expect(barPanel(['2023年'], [null]).bars[0]!.valueText).toBe('—');
  });

  it('keeps one bar from filling the whole panel', () => {
    expect(barPanel(['2023年'], [7]).bars[0]!.width).toBeLessThanOrEqual(48);
  });
});
