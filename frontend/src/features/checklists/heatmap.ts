// How a cell of the leader's principle × phase overview is shown: the share
// of checklists where the principle was applied, as a number and as one of
// five colour steps (the number always carries the meaning; the colour only
// helps the eye). Cells with too few checklists say so, and a principle that
// has no role in a phase shows a dash. The colours live in checklists.css;
// HEAT_BINS mirrors them so a test can check their contrast.
import type { InsightCell } from './api/get-insights';
import type { Lang } from '@/lib/i18n';

export type HeatBin = { min: number; max: number; className: string; background: string; color: string };

/** Five steps from light to dark blue; text dark on the light ones and white on the dark ones (contrast ≥ 4.5:1). */
export const HEAT_BINS: readonly HeatBin[] = [
  { min: 0, max: 0.2, className: 'heat-0', background: '#f2f7fc', color: '#1a1a1a' },
  { min: 0.2, max: 0.4, className: 'heat-1', background: '#cfe2f5', color: '#1a1a1a' },
  { min: 0.4, max: 0.6, className: 'heat-2', background: '#97bfe6', color: '#1a1a1a' },
  { min: 0.6, max: 0.8, className: 'heat-3', background: '#2f6eb5', color: '#ffffff' },
  { min: 0.8, max: 1, className: 'heat-4', background: '#123f73', color: '#ffffff' },
];

/** The colour step of a share (0..1); 1 belongs to the last step. */
export function binOf(share: number): HeatBin {
  const s = Math.min(1, Math.max(0, share));
  return HEAT_BINS.find((b) => s < b.max) ?? HEAT_BINS[HEAT_BINS.length - 1]!;
}

export type CellView =
  | { kind: 'notRelevant' }
  | { kind: 'tooFew'; checklists: number }
  | { kind: 'share'; applied: number; checklists: number; bin: HeatBin };

/**
 * What a cell shows: "–" for a principle without a role in the phase and no
 * checklists; "For få" when there are fewer checklists than the server
 * reads as practice; otherwise the applied share in its colour step.
 */
export function cellView(cell: Pick<InsightCell, 'applicability' | 'checklists' | 'too_few' | 'shares'>): CellView {
  if (cell.checklists === 0 && cell.applicability === 'other') return { kind: 'notRelevant' };
  if (cell.too_few || !cell.shares) return { kind: 'tooFew', checklists: cell.checklists };
  return { kind: 'share', applied: cell.shares.applied, checklists: cell.checklists, bin: binOf(cell.shares.applied) };
}

/** Whether the cell leads to a list of cases (it has checklists behind it). */
export function drillable(cell: Pick<InsightCell, 'checklists'>): boolean {
  return cell.checklists > 0;
}

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** A share (0..1) as a whole percentage in the reader's language: "58 %" / "58%". */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
