// The ORS or the SRS: the wording's intro, four lines (VasScale) with the
// wording's item names and end labels, and "Send svar". All four marks are
// needed, as the server requires.
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { fieldId } from '@/components/fields';
import { VasScale } from '@/components/vas-scale';
import { useT } from '@/lib/i18n';
import { blankScale, ITEM_KEYS, scaleItems, validateScale, type Scale, type ScaleForm, type Wording } from '../feedback-model';
import type { PartPayload } from '../api/submit-part';
import { FormFailure } from './form-failure';
import { problemText } from './problem-text';
import { usePartForm, type Done } from './use-part-form';

export function ScaleForm({ token, scale, wording, onDone }: { token: string; scale: Scale; wording: Wording; onDone: Done }) {
  const t = useT();
  const [form, setForm] = useState<ScaleForm>(() => blankScale(scale));
  const f = usePartForm(token, scale, onDone);
  const labels = scale === 'ors' ? wording.ors : wording.srs;
  const [low, high] = scale === 'ors' ? wording.ors_anchor : wording.srs_anchor;
  const keys = ITEM_KEYS[scale];
  const labelOf = (field: string) => labels[keys.findIndex((k) => `items.${k}` === field)] ?? '';

  const summary: SummaryItem[] = f.problems.map((p) => ({
    field: p.field || undefined,
    message: problemText(t, p, 'scale', labelOf(p.field), true),
  }));

  function submit(e: FormEvent) {
    e.preventDefault();
    f.send({ items: scaleItems(scale, form) } as PartPayload[Scale], validateScale(scale, form));
  }

  return (
    <form noValidate onSubmit={submit} className="fl-form">
      <ErrorSummary items={summary} title={t('feedbackLink.errors.summaryTitle')} focusKey={f.attempt} />
      <p className="fl-intro">{scale === 'ors' ? wording.ors_intro : wording.srs_intro}</p>
      <p className="fl-howto">{t('feedbackLink.scale.howTo')}</p>
      {keys.map((k, i) => {
        const p = f.at(`items.${k}`);
        return (
          <VasScale
            key={k}
            id={fieldId(`items.${k}`)}
            label={labels[i] ?? k}
            lowLabel={low ?? '0'}
            highLabel={high ?? '10'}
            value={form[k] ?? null}
            onChange={(v) => setForm((prev) => ({ ...prev, [k]: v }))}
            error={p ? problemText(t, p, 'scale') : undefined}
          />
        );
      })}
      <FormFailure failure={f.failure} />
      <div className="fl-actions">
        <button type="submit" className="button button-primary" aria-disabled={f.pending || undefined}>
          {f.pending ? t('feedbackLink.sending') : t('feedbackLink.submit')}
        </button>
      </div>
    </form>
  );
}
