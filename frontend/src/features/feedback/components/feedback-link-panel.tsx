// "Send link til borgerens telefon": choose what the citizen may answer
// (ORS, SRS, the three questions, topics for the agenda), make a one-time
// link, and show it as a QR code and as text. The token is in the answer
// only, so the link is shown once; the citizen's answers appear on the
// meeting when its feedback is fetched again.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CheckboxGroup, SelectField } from '@/components/fields';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { ProblemAlert } from '@/components/problem';
import { formatDateTime } from '@/features/cases/components/list/format';
import { meetingKeys } from '@/features/meetings/api/keys';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { absoluteLink, LINK_PARTS, useCreateFeedbackLink, type FeedbackLink, type LinkPart } from '../api/create-feedback-link';
import { feedbackKeys } from '../api/keys';
import { QrCode } from './qr-code';

const HOURS = [2, 24, 72, 168] as const;

/**
 * `planned`: topics for the agenda can be asked for only while the meeting
 * is planned (the server refuses them after), so they are offered only then.
 */
export function FeedbackLinkPanel({
  meetingId,
  planned,
  defaultParts = LINK_PARTS,
}: {
  meetingId: string;
  planned: boolean;
  defaultParts?: readonly LinkPart[];
}) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const create = useCreateFeedbackLink(meetingId);
  const offered = LINK_PARTS.filter((p) => planned || p !== 'topics');
  const [parts, setParts] = useState<string[]>(defaultParts.filter((p) => offered.includes(p)));
  const [failure, setFailure] = useState<unknown>(null);
  const [hours, setHours] = useState('24');
  const [link, setLink] = useState<FeedbackLink>();
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [copied, setCopied] = useState(false);
  const url = link ? absoluteLink(link.url, window.location.origin) : '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    setAttempt((n) => n + 1);
    setCopied(false);
    if (!parts.length) {
      setErrors([{ field: 'link-parts', message: t('feedback.link.partsRequired') }]);
      return;
    }
    setErrors([]);
    setFailure(null);
    try {
      setLink(await create.mutateAsync({ parts: offered.filter((p) => parts.includes(p)), expires_in_hours: Number(hours) }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setErrors(
          err.problem.errors.map((fe) => ({
            field: fe.field.startsWith('parts') ? 'link-parts' : 'link-hours',
            message: fe.field.startsWith('parts') ? `${t('feedback.link.parts')} ${fe.message}` : `${t('feedback.link.expires')}: ${fe.message}`,
          })),
        );
        return;
      }
      setFailure(err);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="feedback-link" aria-labelledby={`link-heading-${meetingId}`}>
      <h3 id={`link-heading-${meetingId}`}>{t('feedback.link.heading')}</h3>
      <p>{t('feedback.link.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={errors} focusKey={errors.length ? attempt : undefined} />
        {failure !== null && <ProblemAlert error={failure} />}
        <CheckboxGroup
          name="link-parts"
          label={t('feedback.link.parts')}
          required
          values={parts}
          onChange={setParts}
          options={offered.map((p) => ({ value: p, label: t(`feedback.link.part.${p}`) }))}
          error={errors.find((e) => e.field === 'link-parts')?.message}
        />
        <SelectField
          name="link-hours"
          label={t('feedback.link.expires')}
          required
          value={hours}
          onChange={setHours}
          options={HOURS.map((h) => ({ value: String(h), label: t('feedback.link.hours', { n: h }) }))}
          error={errors.find((e) => e.field === 'link-hours')?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary button-large" aria-disabled={create.isPending ? true : undefined}>
            {create.isPending ? t('feedback.link.creating') : t('feedback.link.create')}
          </button>
        </div>
      </form>
      {link && (
        <div className="feedback-link-ready">
          <p role="status" className="h4">
            {t('feedback.link.ready')}
          </p>
          <QrCode text={url} label={t('feedback.link.qr')} />
          <p className="mb-0">
            <strong>{t('feedback.link.url')}:</strong>
          </p>
          <p className="mt-0 feedback-link-url">
            <a href={url} target="_blank" rel="noreferrer" data-testid="feedback-link-url">
              {url}
            </a>
          </p>
          <p>{t('feedback.link.expiresAt', { when: formatDateTime(link.expires_at, lang) })}</p>
          <p>{t('feedback.link.onlyNow')}</p>
          <div className="actions">
            <button type="button" className="button button-tertiary" onClick={copy}>
              {t('feedback.link.copy')}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() =>
                Promise.all([
                  qc.invalidateQueries({ queryKey: feedbackKeys.scores() }),
                  qc.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
                ])
              }
            >
              {t('feedback.link.refresh')}
            </button>
            {copied && <span>{t('feedback.link.copied')}</span>}
          </div>
          <p className="form-hint">{t('feedback.link.answersArrive')}</p>
        </div>
      )}
    </section>
  );
}
