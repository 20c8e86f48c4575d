/** How the comparison page writes numbers: changes signed, rates in percent, nothing where there is none. */
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';

export function signed(value: number): string {
  if (value === 0) return '0';
  return value > 0 ? `+${formatCellNumber(value)}` : `−${formatCellNumber(-value)}`;
}

export function percentText(percent: number | null): string {
  if (percent === null) return '—';
  const rounded = Math.round(percent * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}%`;
}

/** An indicator: a count as it is, a rate to one decimal; a dash where it cannot be computed. */
export function indicatorText(value: number | null, rate: boolean): string {
  if (value === null) return '—';
  return rate ? `${(Math.round(value * 10) / 10).toFixed(1)}%` : formatCellNumber(value);
}
