// The model's three feedback questions, asked with the citizen: was the
// meeting all right, did we talk enough about what matters, and should
// anything be different next time. Once answered, the answers are shown.
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextArea } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { RadioGroup } from '@/features/goals/components/radio-group';
import '@/features/goals/components/goals.css';
import { formatDateTime } from '@/features/cases/components/list/format';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { ANSWERS, useAnswerQuestions, type Answer } from '../api/answer-questions';
import type { FeedbackAnswers } from '../api/get-meeting-feedback';
import type { FitWording } from '../api/get-wording';

const DIFFERENT_MAX = 1000;

export function AnswersView({ answers, wording }: { answers: FeedbackAnswers; wording: FitWording | undefined }) {
  const { t, lang } = useI18n();
  const q = wording?.questions;
  return (
    <div>
      <h4>{t('feedback.questions.answered')}</h4>
      <dl className="answers">
        <div>
          <dt>{q?.meeting_ok}</dt>
          <dd>{t(`feedback.questions.${answers.meeting_ok}`)}</dd>
        </div>
        <div>
          <dt>{q?.talked_about}</dt>
          <dd>{t(`feedback.questions.${answers.talked_about}`)}</dd>
        </div>
        <div>
          <dt>{q?.different_next_time}</dt>
          <dd>{answers.different_next_time || t('feedback.questions.none')}</dd>
        </div>
      </dl>
      <p className="score-meta">
        {t(`feedback.enteredBy.${answers.entered_by}`)}, {formatDateTime(answers.recorded_at, lang)}
      </p>
    </div>
  );
}

export function QuestionsForm({ meetingId, wording }: { meetingId: string; wording: FitWording | undefined }) {
  const { t } = useI18n();
  const answer = useAnswerQuestions(meetingId);
  const [meetingOk, setMeetingOk] = useState('');
  const [talkedAbout, setTalkedAbout] = useState('');
  const [different, setDifferent] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const q = wording?.questions;
  const options = ANSWERS.map((a) => ({ value: a, label: t(`feedback.questions.${a}`) }));
  const errorOf = (f: string) => errors.find((e) => e.field === f)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (answer.isPending) return;
    setAttempt((n) => n + 1);
    setFailure(null);
    const local: SummaryItem[] = [];
    if (!meetingOk) local.push({ field: 'meeting_ok', message: `${q?.meeting_ok ?? ''} ${t('feedback.questions.required')}`.trim() });
    if (!talkedAbout) local.push({ field: 'talked_about', message: `${q?.talked_about ?? ''} ${t('feedback.questions.required')}`.trim() });
    if ([...different].length > DIFFERENT_MAX) local.push({ field: 'different_next_time', message: t('feedback.signal.respondTooLong', { n: DIFFERENT_MAX }) });
    setErrors(local);
    if (local.length) return;
    try {
      await answer.mutateAsync({
        meeting_ok: meetingOk as Answer,
        talked_about: talkedAbout as Answer,
        ...(different.trim() ? { different_next_time: different.trim() } : {}),
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setErrors([{ message: t('feedback.questions.already') }]);
        return;
      }
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setErrors(err.problem.errors.map((fe) => ({ field: fe.field, message: fe.message })));
        return;
      }
      setFailure(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} focusKey={errors.length ? attempt : undefined} />
      {failure !== null && <ProblemAlert error={failure} />}
      <RadioGroup
        name="meeting_ok"
        legend={q?.meeting_ok ?? ''}
        required
        inline
        value={meetingOk}
        onChange={setMeetingOk}
        options={options}
        error={errorOf('meeting_ok')}
      />
      <RadioGroup
        name="talked_about"
        legend={q?.talked_about ?? ''}
        required
        inline
        value={talkedAbout}
        onChange={setTalkedAbout}
        options={options}
        error={errorOf('talked_about')}
      />
      <TextArea
        name="different_next_time"
        label={q?.different_next_time ?? ''}
        hint={t('feedback.questions.differentHint')}
        rows={3}
        value={different}
        onChange={setDifferent}
        error={errorOf('different_next_time')}
      />
      <div className="actions">
        <button type="submit" className="button button-secondary button-large" aria-disabled={answer.isPending ? true : undefined}>
          {answer.isPending ? t('feedback.score.submitting') : t('feedback.questions.submit')}
        </button>
      </div>
    </form>
  );
}
