// The server's reading of the citizen's ORS series in plain words:
// "Pålidelig forbedring: +6,5 point; krydset grænsen på 25".
import type { MessageKey, Vars } from '@/lib/i18n';
import type { Lang } from '@/lib/i18n';
import type { FitOutcome, FitThresholds } from './api/get-fit';
import { formatNumber, formatScore, signedScore } from './format';

type T = (key: MessageKey, vars?: Vars) => string;

/** The headline, and the first and latest score with where they lie against the cutoff. */
export function outcomeWords(o: FitOutcome, th: FitThresholds, t: T, lang: Lang): { headline: string; detail?: string } {
  const change = signedScore(o.change, lang);
  const cutoff = formatNumber(th.clinical_cutoff, lang);
  let headline = t(`feedback.fit.outcome.${o.classification}`, { change, reliable: formatNumber(th.reliable_change, lang) });
  if (o.clinically_significant_change) headline += `; ${t('feedback.fit.crossed', { cutoff })}`;
  if (o.first === undefined || o.latest === undefined || o.count === 0) return { headline };
  const where = (inRange: boolean) => (inRange ? t('feedback.fit.below', { cutoff }) : t('feedback.fit.above', { cutoff })).toLowerCase();
  const detail = t('feedback.fit.firstLatest', {
    first: `${formatScore(o.first, lang)} (${where(o.first_in_clinical_range)})`,
    latest: `${formatScore(o.latest, lang)} (${where(o.latest_in_clinical_range)})`,
  });
  return { headline, detail };
}
