// A recorded rating: who answered and the total, the four items, who typed
// it in and when; "Ret" opens a correction (new marks and a required
// reason, sent with the score's version as If-Match) and the earlier values
// are listed with their reasons.
import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextArea } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { formatDateTime } from '@/features/cases/components/list/format';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useCorrectScore } from '../api/correct-score';
import type { Score } from '../api/get-fit';
import type { FitWording } from '../api/get-wording';
import { formatScore } from '../format';
import { ITEM_KEYS, itemField, itemIndexOf, keyAt, marksOf, missing, toItems, totalOf, type Marks } from '../score-model';
import { itemLabel, ScoreLines } from './score-form';

const REASON_MAX = 500;

export function ScoreCard({ score, wording, canCorrect }: { score: Score; wording: FitWording | undefined; canCorrect: boolean }) {
  const { t, lang } = useI18n();
  const [correcting, setCorrecting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const scale = score.scale;
  const name = t(`feedback.scale.${scale}`);
  const who = t(`feedback.rater.${score.rater}`);
  const captionId = useId();
  const label = (key: string, i: number) => itemLabel(wording, scale, i, t(`feedback.item.${key as (typeof ITEM_KEYS)['ors'][number]}`));
  const value = (key: string) => score.items.find((it) => it.key === key)?.value;

  return (
    <div className="score-card">
      <h3 className="h4 mb-0">
        {t('feedback.score.recorded', { scale: name, who, total: formatScore(score.total, lang) })}
        {score.collateral && <span className="badge badge-small ml-3">{t('feedback.score.collateral')}</span>}
      </h3>
      <p className="mt-0 score-meta">
        {t('feedback.score.recordedBy', {
          by: score.entered_by === 'caseworker' && score.recorded_by_name ? score.recorded_by_name : t(`feedback.enteredBy.${score.entered_by}`),
          when: formatDateTime(score.recorded_at, lang),
        })}
      </p>
      <table className="table table--compact score-items" aria-labelledby={captionId}>
        <caption id={captionId} className="sr-only">
          {t('feedback.score.itemsCaption', { scale: name, who })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.score.item')}</th>
            <th scope="col">{t('feedback.score.value')}</th>
          </tr>
        </thead>
        <tbody>
          {ITEM_KEYS[scale].map((key, i) => {
            const v = value(key);
            const low = scale === 'srs' && score.low_items.includes(key as Score['low_items'][number]);
            return (
              <tr key={key}>
                <th scope="row">{label(key, i)}</th>
                <td>
                  {v === undefined ? '' : formatScore(v, lang)}
                  {low && <span className="badge badge-small badge-warning ml-3">{t('feedback.signal.kindShort.alliance')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notice && <FocusNotice text={notice} />}
      {canCorrect && !correcting && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setCorrecting(true)}>
            {t('feedback.correct.action')}
            <span className="sr-only"> {t('feedback.correct.actionFor', { scale: name, who })}</span>
          </button>
        </p>
      )}
      {correcting && (
        <CorrectionForm
          score={score}
          wording={wording}
          onCancel={() => setCorrecting(false)}
          onSaved={(s) => {
            setCorrecting(false);
            setNotice(t('feedback.correct.saved', { scale: name, total: formatScore(s.total, lang) }));
          }}
        />
      )}
      {score.corrections.length > 0 && (
        <div className="table--responsive-scroll mt-3" tabIndex={0} role="region" aria-labelledby={`${captionId}-history`}>
          <table className="table table--compact">
            <caption id={`${captionId}-history`} className="align-text-left">
              {t('feedback.correct.historyCaption', { scale: name, who })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.correct.when')}</th>
                <th scope="col">{t('feedback.correct.by')}</th>
                <th scope="col">{t('feedback.correct.oldTotal')}</th>
                <th scope="col">{t('feedback.correct.why')}</th>
              </tr>
            </thead>
            <tbody>
              {score.corrections.map((c, i) => (
                <tr key={i}>
                  <td>{formatDateTime(c.corrected_at, lang)}</td>
                  <td>{c.by_name}</td>
                  <td>{formatScore(c.total, lang)}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CorrectionForm(props: { score: Score; wording: FitWording | undefined; onCancel: () => void; onSaved: (s: Score) => void }) {
  const { t, lang } = useI18n();
  const { score } = props;
  const scale = score.scale;
  const prefix = `correct-${score.id}-`;
  const correct = useCorrectScore();
  const [marks, setMarks] = useState<Marks>(() => marksOf(score));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [reasonError, setReasonError] = useState<string>();
  const [other, setOther] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const name = t(`feedback.scale.${scale}`);
  const who = t(`feedback.rater.${score.rater}`);
  const label = (i: number) => itemLabel(props.wording, scale, i, t(`feedback.item.${keyAt(scale, i)}`));
  const reasonField = `${prefix}reason`;

  const summary: SummaryItem[] = [
    ...Object.entries(errors).map(([i, message]) => ({ field: prefix + itemField(scale, Number(i)), message })),
    ...(reasonError ? [{ field: reasonField, message: reasonError }] : []),
    ...other.map((message) => ({ message })),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (correct.isPending) return;
    setAttempt((n) => n + 1);
    setFailure(null);
    setOther([]);
    const gaps = missing(marks);
    const r = reason.trim();
    setErrors(Object.fromEntries(gaps.map((i) => [i, t('feedback.score.missing', { item: label(i) })])));
    setReasonError(
      !r ? t('feedback.correct.reasonRequired') : [...r].length > REASON_MAX ? t('feedback.correct.reasonTooLong', { n: REASON_MAX }) : undefined,
    );
    if (gaps.length || !r || [...r].length > REASON_MAX) return;
    const base = { meetingId: score.meeting_id, version: score.version, rater: score.rater, reason: r };
    try {
      const saved =
        scale === 'ors'
          ? await correct.mutateAsync({ ...base, scale, items: toItems('ors', marks) })
          : await correct.mutateAsync({ ...base, scale, items: toItems('srs', marks) });
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 412) {
          // The list is fetched again (onSettled); this form closes on the new version.
          setOther([t('feedback.correct.stale')]);
          return;
        }
        if (err.status === 422 && err.problem.errors?.length) {
          const at: Record<number, string> = {};
          for (const fe of err.problem.errors) {
            const i = itemIndexOf(scale, fe.field);
            if (i >= 0) at[i] ??= `${label(i)}: ${fe.message}`;
            else if (fe.field === 'reason') setReasonError(fe.message);
            else setOther((o) => [...o, `${fe.field}: ${fe.message}`]);
          }
          setErrors(at);
          return;
        }
      }
      setFailure(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="score-correction">
      <h4>{t('feedback.correct.heading', { scale: name, who })}</h4>
      <ErrorSummary items={summary} focusKey={summary.length ? attempt : undefined} />
      {failure !== null && <ProblemAlert error={failure} />}
      <ScoreLines
        scale={scale}
        wording={props.wording}
        marks={marks}
        errors={errors}
        idPrefix={prefix}
        onChange={(i, v) => setMarks((m) => m.map((x, n) => (n === i ? v : x)) as Marks)}
      />
      <p className="score-total">
        <strong>{t('feedback.score.total', { total: formatScore(totalOf(marks), lang) })}</strong>
      </p>
      <TextArea
        name={reasonField}
        label={t('feedback.correct.reason')}
        hint={t('feedback.correct.reasonHint')}
        required
        rows={2}
        value={reason}
        onChange={setReason}
        error={reasonError}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={correct.isPending ? true : undefined}>
          {correct.isPending ? t('feedback.score.submitting') : t('feedback.correct.submit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          {t('feedback.correct.cancel')}
        </button>
      </div>
    </form>
  );
}
