// One rating entered with the citizen beside the caseworker: who answers
// (ORS only: the citizen, or a relative or provider on the citizen's
// behalf), the four lines of the scale as visual analogue scales, the
// running total, and "Gem". Every line needs a mark: the missing ones are
// named at the line and in the error summary. The server's field errors go
// to their lines; a second rating from the same rater (409) says to correct
// it instead.
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { fieldId, SelectField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { VasScale } from '@/components/vas-scale';
import { ALREADY_ANSWERED, ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import type { Rater, Score } from '../api/get-fit';
import type { FitWording } from '../api/get-wording';
import { useRecordScore } from '../api/record-score';
import { formatScore } from '../format';
import { ITEM_KEYS, itemField, itemIndexOf, keyAt, missing, NO_MARKS, toItems, totalOf, type Marks } from '../score-model';

export function itemLabel(wording: FitWording | undefined, scale: 'ors' | 'srs', i: number, fallback: string): string {
  return wording?.[scale]?.[i] || fallback;
}

export function ScoreLines(props: {
  scale: 'ors' | 'srs';
  wording: FitWording | undefined;
  marks: Marks;
  errors: Record<number, string>;
  onChange: (i: number, tenths: number) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const { scale, wording } = props;
  const anchors = scale === 'ors' ? wording?.ors_anchor : wording?.srs_anchor;
  return (
    <>
      {ITEM_KEYS[scale].map((key, i) => (
        <VasScale
          key={key}
          id={fieldId((props.idPrefix ?? '') + itemField(scale, i))}
          label={itemLabel(wording, scale, i, t(`feedback.item.${key}`))}
          lowLabel={anchors?.[0] ?? '0'}
          highLabel={anchors?.[1] ?? '10'}
          value={props.marks[i] ?? null}
          onChange={(v) => props.onChange(i, v)}
          error={props.errors[i]}
        />
      ))}
    </>
  );
}

export function ScoreForm(props: {
  scale: 'ors' | 'srs';
  meetingId: string;
  wording: FitWording | undefined;
  /** Raters who have not answered this scale for the meeting yet; the first is chosen. */
  raters: Rater[];
  onSaved: (score: Score) => void;
}) {
  const { t, lang } = useI18n();
  const { scale } = props;
  const record = useRecordScore();
  const [rater, setRater] = useState<Rater>(props.raters[0] ?? 'citizen');
  const [marks, setMarks] = useState<Marks>(NO_MARKS);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const name = t(`feedback.scale.${scale}`);
  const label = (i: number) => itemLabel(props.wording, scale, i, t(`feedback.item.${keyAt(scale, i)}`));

  const summary: SummaryItem[] = [
    ...Object.entries(errors).map(([i, message]) => ({ field: itemField(scale, Number(i)), message })),
    ...other.map((message) => ({ message })),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (record.isPending) return;
    setAttempt((n) => n + 1);
    setFailure(null);
    setOther([]);
    const gaps = missing(marks);
    if (gaps.length) {
      setErrors(Object.fromEntries(gaps.map((i) => [i, t('feedback.score.missing', { item: label(i) })])));
      return;
    }
    setErrors({});
    try {
      const score =
        scale === 'ors'
          ? await record.mutateAsync({ scale, meetingId: props.meetingId, rater, items: toItems('ors', marks) })
          : await record.mutateAsync({ scale, meetingId: props.meetingId, rater, items: toItems('srs', marks) });
      setMarks(NO_MARKS);
      props.onSaved(score);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.problem.type === ALREADY_ANSWERED) {
          setOther([t('feedback.score.already', { who: t(`feedback.rater.${rater}`), scale: name })]);
          return;
        }
        if (err.status === 422 && err.problem.errors?.length) {
          const at: Record<number, string> = {};
          const rest: string[] = [];
          for (const fe of err.problem.errors) {
            const i = itemIndexOf(scale, fe.field);
            if (i >= 0) at[i] ??= `${label(i)}: ${fe.message}`;
            else rest.push(`${fe.field}: ${fe.message}`);
          }
          setErrors(at);
          setOther(rest);
          return;
        }
      }
      setFailure(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="score-form">
      <ErrorSummary items={summary} focusKey={summary.length ? attempt : undefined} />
      {failure !== null && <ProblemAlert error={failure} />}
      {scale === 'ors' && props.raters.length > 1 && (
        <SelectField
          name={`${scale}.rater`}
          label={t('feedback.score.rater')}
          hint={t('feedback.score.raterHint')}
          required
          value={rater}
          onChange={(v) => setRater(v as Rater)}
          options={props.raters.map((r) => ({ value: r, label: t(`feedback.rater.${r}`) }))}
        />
      )}
      <p className="form-hint">{t('feedback.score.vasHint')}</p>
      <ScoreLines
        scale={scale}
        wording={props.wording}
        marks={marks}
        errors={errors}
        onChange={(i, v) => setMarks((m) => m.map((x, n) => (n === i ? v : x)) as Marks)}
      />
      <p className="score-total">
        <strong>{t('feedback.score.totalSoFar', { total: formatScore(totalOf(marks), lang) })}</strong>
      </p>
      <div className="actions">
        <button type="submit" className="button button-primary button-large" aria-disabled={record.isPending ? true : undefined}>
          {record.isPending ? t('feedback.score.submitting') : t('feedback.score.submit', { scale: name })}
        </button>
      </div>
    </form>
  );
}
