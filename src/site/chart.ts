/**
 * Geometry of the build-time bar charts (one small chart per key figure, years across), computed
 * with d3-scale (band and linear scales, "nice" maxima). The SVG markup is in
 * components/FiguresChart.astro; nothing runs in the browser.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from './tables/cell-display.ts';

export interface Bar {
  label: string;
  value: number | null;
  /** Bar rectangle; height 0 for an empty value (nothing is drawn). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, for its labels. */
  cx: number;
  /** Baseline of the value label above the bar. */
  valueY: number;
  valueText: string;
}

export interface BarPanel {
  width: number;
  height: number;
  /** y of the axis line. */
  baseline: number;
  left: number;
  right: number;
  /** Baseline of the category labels under the axis. */
  labelY: number;
  bars: Bar[];
}

export const PANEL = { width: 240, height: 150, top: 22, bottom: 26, side: 8 } as const;

const round = (n: number) => Math.round(n * 100) / 100;

export function barPanel(labels: readonly string[], values: readonly (number | null)[], size = PANEL): BarPanel {
  const baseline = size.height - size.bottom;
  const x = scaleBand<string>().domain(labels).range([size.side, size.width - size.side]).paddingInner(0.3).paddingOuter(0.2);
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const y = scaleLinear()
    .domain([0, max || 1])
    .nice()
    .range([baseline, size.top]);
  const width = round(Math.min(x.bandwidth(), 48));
  const bars = labels.map((label, i): Bar => {
    const value = values[i] ?? null;
    const cx = round(x(label)! + x.bandwidth() / 2);
    const top = value === null ? baseline : round(y(Math.max(0, value)));
    return {
      label,
      value,
      x: round(cx - width / 2),
      y: top,
      width,
      height: round(baseline - top),
      cx,
      valueY: round(top - 5),
      valueText: value === null ? '—' : formatNumber(value),
    };
  });
  return { width: size.width, height: size.height, baseline, left: size.side, right: size.width - size.side, labelY: size.height - 8, bars };
}

/** What the chart says, for its accessible name: "新收申请：2022年 7，2023年 42（空白：2021年）". */
export function panelSummary(title: string, bars: readonly Bar[]): string {
  return `${title}：${bars.map((b) => `${b.label} ${b.value === null ? '空白' : b.valueText}`).join('，')}`;
}
