// A feedback signal in plain words (what raised it, from which meeting)
// and, while it is open, "Hvad ændrer I til næste gang?" with a short note
// that is shown at the start of the next meeting. Once answered, the answer.
import { useId, useState, type FormEvent } from 'react';
import { TextArea } from '@/components/fields';
import { ErrorSummary } from '@/components/error-summary';
import { ProblemAlert } from '@/components/problem';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { formatDay } from '@/features/cases/components/list/format';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { isOpen, useRespondToSignal, type Signal } from '../api/signals';
import { dayMonth } from '../format';

const NOTE_MAX = 1000;

export function SignalCard({ signal, headingLevel = 4 }: { signal: Signal; headingLevel?: 3 | 4 }) {
  const { t, lang } = useI18n();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const [done, setDone] = useState(false);
  return (
    <div className={`signal-card${isOpen(signal) ? ' signal-open' : ''}`}>
      <H className="mb-0">{t(`feedback.signal.kind.${signal.kind}`)}</H>
      <p className="mt-0 score-meta">
        {t('feedback.signal.raised', { date: dayMonth(signal.meeting_starts_at, lang) })}
        {isOpen(signal) && (
          <>
            {' · '}
            <strong>{t('feedback.signal.open')}</strong>
          </>
        )}
      </p>
      {done && <FocusNotice text={t('feedback.signal.responded')} />}
      {isOpen(signal) ? (
        <RespondForm signal={signal} onDone={() => setDone(true)} />
      ) : (
        <p>
          {t('feedback.signal.answer', { note: signal.response })}
          {signal.responded_by_name && (
            <span className="score-meta">
              {' '}
              ({t('feedback.signal.answeredBy', { name: signal.responded_by_name, date: formatDay(signal.responded_at, lang) })})
            </span>
          )}
        </p>
      )}
    </div>
  );
}

function RespondForm({ signal, onDone }: { signal: Signal; onDone: () => void }) {
  const { t } = useI18n();
  const respond = useRespondToSignal();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const name = `signal-${signal.id}-note`;
  const formId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (respond.isPending) return;
    setAttempt((n) => n + 1);
    setFailure(null);
    const n = note.trim();
    const problem = !n ? t('feedback.signal.respondRequired') : [...n].length > NOTE_MAX ? t('feedback.signal.respondTooLong', { n: NOTE_MAX }) : undefined;
    setError(problem);
    if (problem) return;
    try {
      await respond.mutateAsync({ id: signal.id, note: n });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setError(err.problem.errors[0]!.message);
        return;
      }
      setFailure(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate id={formId}>
      <ErrorSummary items={error ? [{ field: name, message: error }] : []} focusKey={error ? attempt : undefined} />
      {failure !== null && <ProblemAlert error={failure} />}
      <TextArea
        name={name}
        label={t('feedback.signal.respond')}
        hint={t('feedback.signal.respondHint')}
        required
        rows={2}
        value={note}
        onChange={setNote}
        error={error}
      />
      <button type="submit" className="button button-primary" aria-disabled={respond.isPending ? true : undefined}>
        {respond.isPending ? t('feedback.score.submitting') : t('feedback.signal.submit')}
      </button>
    </form>
  );
}
