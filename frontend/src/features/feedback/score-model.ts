// A rating as the caseworker enters it with the citizen: four marks on the
// line in tenths (null before the first answer), the running total, the
// check that every line has a mark, and the request body (each item 0.0–10.0
// with one decimal, as the API wants).
import type { ItemKey, Score } from './api/get-fit';
import type { ORSItems, SRSItems } from './api/record-score';

export const ITEM_KEYS = {
  ors: ['individually', 'interpersonally', 'socially', 'overall'],
  srs: ['relationship', 'goals_and_topics', 'approach_or_method', 'overall'],
} as const satisfies Record<'ors' | 'srs', readonly ItemKey[]>;

export type Marks = [number | null, number | null, number | null, number | null];
export const NO_MARKS: Marks = [null, null, null, null];

/** The API field path of item i, and the DOM name the form uses for it. */
export function itemField(scale: 'ors' | 'srs', i: number): string {
  return `${scale}.items.${ITEM_KEYS[scale][i]}`;
}

/** Sum of the marks so far, in points (tenths kept exact). */
export function totalOf(marks: Marks): number {
  return marks.reduce<number>((sum, m) => sum + (m ?? 0), 0) / 10;
}

/** Indexes of the lines without a mark. */
export function missing(marks: Marks): number[] {
  return marks.flatMap((m, i) => (m === null ? [i] : []));
}

/** The request's items: tenths → numbers with one decimal (64 → 6.4). */
export function toItems(scale: 'ors', marks: Marks): ORSItems;
export function toItems(scale: 'srs', marks: Marks): SRSItems;
export function toItems(scale: 'ors' | 'srs', marks: Marks): ORSItems | SRSItems {
  const v = (i: number) => Math.round(marks[i] ?? 0) / 10;
  if (scale === 'ors') return { individually: v(0), interpersonally: v(1), socially: v(2), overall: v(3) };
  return { relationship: v(0), goals_and_topics: v(1), approach_or_method: v(2), overall: v(3) };
}

/** A recorded score's items back as marks, in the scale's order (for a correction). */
export function marksOf(score: Pick<Score, 'scale' | 'items'>): Marks {
  const keys: readonly ItemKey[] = ITEM_KEYS[score.scale];
  const out: Marks = [null, null, null, null];
  for (const it of score.items) {
    const i = keys.indexOf(it.key);
    if (i >= 0) out[i] = Math.round(it.value * 10);
  }
  return out;
}

/** Which item of the scale a server error path such as "items.overall" names. */
export function itemIndexOf(scale: 'ors' | 'srs', path: string): number {
  const key = path.replace(/^items\./, '');
  return (ITEM_KEYS[scale] as readonly string[]).indexOf(key);
}

/** The key of item i (0–3) of a scale. */
export function keyAt(scale: 'ors' | 'srs', i: number): ItemKey {
  return ITEM_KEYS[scale][i] ?? 'overall';
}
