// "Feedback (FIT)" on the case page: the citizen's ORS over the meetings
// with the server's reading in words ("Pålidelig forbedring: +6,5 point;
// krydset grænsen på 25"), and the SRS per meeting.
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { Section } from '@/features/cases/components/detail/section';
import { useI18n } from '@/lib/i18n';
import { useFit } from '../api/get-fit';
import { useWording } from '../api/get-wording';
import { outcomeWords } from '../outcome';
import { OrsChart, SrsChart } from './fit-charts';
import './feedback.css';

export function FitSection({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const fit = useFit(caseId);
  const wording = useWording(lang);
  const d = fit.data;
  const words = d ? outcomeWords(d.outcome, d.thresholds, t, lang) : undefined;
  return (
    <Section heading={t('feedback.fit.heading')}>
      <p>{t('feedback.fit.intro')}</p>
      {fit.isPending ? (
        <Spinner />
      ) : fit.isError ? (
        <ProblemAlert error={fit.error} />
      ) : (
        <>
          <h3>{t('feedback.fit.orsHeading')}</h3>
          {d!.ors.length === 0 && d!.collateral_ors.length === 0 ? (
            <p>{t('feedback.fit.empty')}</p>
          ) : (
            <>
              <p className="font-lead mb-0" data-testid="fit-outcome">
                <strong>{words!.headline}</strong>
              </p>
              {words!.detail && <p className="mt-0">{words!.detail}</p>}
              <OrsChart fit={d!} />
            </>
          )}
          <h3>{t('feedback.fit.srsHeading')}</h3>
          <SrsChart fit={d!} wording={wording.data} />
        </>
      )}
    </Section>
  );
}
