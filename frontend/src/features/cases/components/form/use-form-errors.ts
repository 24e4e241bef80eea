// Field errors of the case form: placed by the pure model, put into words
// here (server messages in plain Danish where we know them, each summary line
// naming its field).
import { useCallback, useMemo, useState } from 'react';
import type { SummaryItem } from '@/components/error-summary';
import { useT, type MessageKey } from '@/lib/i18n';
import {
  knownMessage,
  parsePath,
  placeErrors,
  errorsAfterRemove,
  renderedPaths,
  type FieldError,
  type FormState,
  type ListName,
  type Mode,
  type Placed,
} from './form-model';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const TOP: Record<string, MessageKey> = {
  'citizen.name': 'cases.form.fields.citizenName',
  'citizen.cpr': 'cases.form.fields.cpr',
  team_id: 'cases.form.fields.team',
  caseworker_id: 'cases.form.fields.caseworker',
  legal_basis: 'cases.form.fields.legalBasis',
  legal_basis_note: 'cases.form.fields.legalBasisNote',
  target_group: 'cases.form.fields.targetGroup',
  follow_up_cadence: 'cases.form.fields.cadence',
  next_follow_up_date: 'cases.form.fields.nextFollowUp',
  dreams: 'cases.form.sections.dreams',
  resources: 'cases.form.sections.resources',
  network: 'cases.form.sections.network',
  expectations: 'cases.form.sections.expectations',
  contact_agreement: 'cases.form.sections.contact',
};

const CONTACT: Record<string, MessageKey> = {
  meeting_formats: 'cases.form.fields.contact.meetingFormats',
  meeting_places: 'cases.form.fields.contact.meetingPlaces',
  times_of_day: 'cases.form.fields.contact.timesOfDay',
  time_notes: 'cases.form.fields.contact.timeNotes',
  media: 'cases.form.fields.contact.media',
  preferred_frequency: 'cases.form.fields.contact.preferredFrequency',
  closeness: 'cases.form.fields.contact.closeness',
  avoid_conditions: 'cases.form.fields.contact.avoidConditions',
  agenda_in_advance: 'cases.form.fields.contact.agenda',
  notes: 'cases.form.fields.contact.notes',
  agreed_on: 'cases.form.fields.contact.agreedOn',
  review_by: 'cases.form.fields.contact.reviewBy',
};

const ROW: Record<ListName, { legend: MessageKey; fields: Record<string, MessageKey> }> = {
  dreams: {
    legend: 'cases.form.fields.dream.legend',
    fields: {
      text: 'cases.form.fields.dream.text',
      kind: 'cases.form.fields.dream.kind',
      expressed_by: 'cases.form.fields.dream.expressedBy',
    },
  },
  resources: {
    legend: 'cases.form.fields.resource.legend',
    fields: {
      type: 'cases.form.fields.resource.type',
      description: 'cases.form.fields.resource.description',
      source: 'cases.form.fields.resource.source',
      confirmed_by_citizen: 'cases.form.fields.resource.confirmed',
    },
  },
  network: {
    legend: 'cases.form.fields.network.legend',
    fields: {
      name: 'cases.form.fields.network.name',
      relation: 'cases.form.fields.network.relation',
      kind: 'cases.form.fields.network.kind',
      contact_status: 'cases.form.fields.network.contactStatus',
      consent_to_involve: 'cases.form.fields.network.consent',
      note: 'cases.form.fields.network.note',
    },
  },
  expectations: {
    legend: 'cases.form.fields.expectation.legend',
    fields: {
      held_on: 'cases.form.fields.expectation.heldOn',
      topics: 'cases.form.fields.expectation.topics',
      with_relatives: 'cases.form.fields.expectation.withRelatives',
      summary: 'cases.form.fields.expectation.summary',
      next_review: 'cases.form.fields.expectation.nextReview',
    },
  },
};

/** A server message in the user's language, or as sent when we do not know it. */
export function messageText(t: T, message: string): string {
  const k = knownMessage(message);
  if (!k) return message;
  if (k.key === 'maxChars' || k.key === 'maxItems') return t(`cases.form.errors.${k.key}`, { n: k.n });
  return t(`cases.form.errors.${k.key}`);
}

/** What a field is called, for a line in the error summary. */
export function fieldName(t: T, path: string, mode: Mode): string {
  // One value of a checkbox group ("contact_agreement.media[2]") is named by its group.
  const p = parsePath(/^(dreams|resources|network|expectations)\[\d+\]$/.test(path) ? path : path.replace(/\[\d+\]$/, ''));
  if (p.list && p.index !== undefined) {
    const row = ROW[p.list];
    const legend = t(row.legend, { n: p.index + 1 });
    const field = row.fields[p.field];
    return field ? t('cases.form.errors.inRow', { row: legend, field: t(field) }) : legend;
  }
  if (path === 'citizen.cpr' && mode === 'edit') return t('cases.form.fields.cprEditLabel');
  const top = TOP[p.field];
  if (top) return t(top);
  const c = /^contact_agreement\.(\w+)/.exec(p.field);
  if (c?.[1] && CONTACT[c[1]]) return `${t('cases.form.sections.contact')}: ${t(CONTACT[c[1]]!)}`;
  return path;
}

export function useFormErrors(mode: Mode) {
  const t = useT();
  const [placed, setPlaced] = useState<Placed>({ atField: {}, summary: [] });

  const show = useCallback((errors: readonly FieldError[], form: FormState) => {
    setPlaced(placeErrors(errors, renderedPaths(form, mode)));
  }, [mode]);
  const clear = useCallback(() => setPlaced({ atField: {}, summary: [] }), []);
  // Messages at the fields move with their rows. The summary stays as it was
  // when the form was sent: a new summary takes focus (ErrorSummary), which
  // must not happen while the user is removing a row.
  const rowRemoved = useCallback(
    (list: ListName, index: number) => setPlaced((p) => ({ atField: errorsAfterRemove(p.atField, list, index), summary: p.summary })),
    [],
  );

  const atField = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [path, msg] of Object.entries(placed.atField)) out[path] = messageText(t, msg);
    return out;
  }, [placed, t]);
  const summary = useMemo<SummaryItem[]>(
    () => placed.summary.map((s) => ({ field: s.field, message: `${fieldName(t, s.path, mode)}: ${messageText(t, s.message)}` })),
    [placed.summary, t, mode],
  );
  return { atField, summary, show, clear, rowRemoved };
}
