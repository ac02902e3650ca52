import { describe, expect, it } from 'vitest';
import { cellDisplay, EMPTY_MARK, EMPTY_SPOKEN, formatNumber } from '../../../src/site/tables/cell-display.ts';

describe('cellDisplay', () => {
  it('shows 0 as 0, an ordinary number', () => {
    expect(cellDisplay(0)).toEqual({ text: '0', srText: null, empty: false });
  });

  it('shows an empty cell as a dash announced as 空白, never as 0', () => {
    expect(cellDisplay(null)).toEqual({ text: EMPTY_MARK, srText: EMPTY_SPOKEN, empty: true });
    expect(cellDisplay(undefined).empty).toBe(true);
    expect(EMPTY_MARK).not.toBe('0');
  });

  it('keeps numbers as the source wrote them: no separators, decimals kept, a real minus sign', () => {
    expect(formatNumber(112341)).toBe('112341');
    expect(formatNumber(81.5)).toBe('81.5');
    expect(formatNumber(256.75)).toBe('256.75');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-12)).toBe('\u221212');
  });
});
