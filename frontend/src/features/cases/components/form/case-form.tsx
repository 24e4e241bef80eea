// The case form, shared by "create" and "edit". It is controlled: the page
// owns the state (so it can rebase or reload it after a conflict) and the
// error placement. Sections follow renderedPaths() in form-model.ts, which
// orders the error summary.
import { useEffect, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { Link } from 'react-router';
import { Checkbox, CheckboxGroup, ErrorMessage, SelectField, TextArea, TextField, fieldId, type Option } from '@/components/fields';
import { useT, type MessageKey } from '@/lib/i18n';
import { CollapsibleSection } from './collapsible-section';
import {
  emptyContact,
  firstField,
  newRow,
  same,
  sectionOf,
  type ContactState,
  type DreamRow,
  type ExpectationRow,
  type FormState,
  type ListName,
  type Mode,
  type NetworkRow,
  type ResourceRow,
} from './form-model';
import { useOptions } from './options';
import './case-form.css';

export type CaseFormProps = {
  mode: Mode;
  form: FormState;
  setForm: Dispatch<SetStateAction<FormState>>;
  /** Messages (already in words) by field path. */
  errors: Record<string, string>;
  /** Called after a row is removed, so errors can move with their rows. */
  onRowRemoved: (list: ListName, index: number) => void;
  teams?: Option[];
  staff: Option[];
  /** Edit: the stored CPR number, masked. */
  cprMasked?: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  cancelTo: string;
};

type RowOf<L extends ListName> = FormState[L][number];

export function CaseForm(props: CaseFormProps) {
  const { mode, form, setForm, errors, busy } = props;
  const t = useT();
  const options = useOptions();
  const focusNext = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [open, setOpen] = useState(() => ({
    contact: mode === 'edit' && !same(form.contact_agreement, emptyContact()),
    expectations: mode === 'edit' && form.expectations.length > 0,
  }));

  // A section with an error opens, so the error can be seen and its field reached.
  useEffect(() => {
    const sections = new Set(Object.keys(errors).map(sectionOf));
    if (sections.has('contact') || sections.has('expectations'))
      setOpen((o) => ({ contact: o.contact || sections.has('contact'), expectations: o.expectations || sections.has('expectations') }));
  }, [errors]);

  // Focus moves after the DOM has the new row (or has lost the removed one).
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const err = (path: string) => errors[path];
  const set =
    <K extends keyof FormState>(k: K) =>
    (v: FormState[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const setCitizen = (k: 'name' | 'cpr') => (v: string) => setForm((f) => ({ ...f, citizen: { ...f.citizen, [k]: v } }));
  const setContact =
    <K extends keyof ContactState>(k: K) =>
    (v: ContactState[K]) =>
      setForm((f) => ({ ...f, contact_agreement: { ...f.contact_agreement, [k]: v } }));
  function setRow<L extends ListName>(list: L, index: number, patch: Partial<RowOf<L>>) {
    setForm((f) => ({ ...f, [list]: (f[list] as RowOf<L>[]).map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  }
  function addRow(list: ListName) {
    const row = newRow[list]();
    setForm((f) => ({ ...f, [list]: [...f[list], row] }));
    if (list === 'expectations') setOpen((o) => ({ ...o, expectations: true }));
    focusNext.current = fieldId(`${list}[${form[list].length}].${firstField[list]}`);
    setAnnouncement('');
  }
  function removeRow(list: ListName, index: number) {
    setForm((f) => ({ ...f, [list]: (f[list] as RowOf<ListName>[]).filter((_, i) => i !== index) }));
    props.onRowRemoved(list, index);
    setAnnouncement(t(`cases.form.lists.${list}.removed`, { n: index + 1 }));
    focusNext.current = addButtonId(list);
  }

  const choose = t('cases.form.choose');
  const notSet = t('common.notSet');
  const rowList = <L extends ListName>(list: L, legend: MessageKey, render: (row: RowOf<L>, i: number) => ReactNode) => (
    <RowList
      list={list}
      rows={form[list] as RowOf<L>[]}
      legend={legend}
      error={err(list)}
      onAdd={() => addRow(list)}
      onRemove={(i) => removeRow(list, i)}
      render={render}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) props.onSubmit();
      }}
    >
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <section className="case-form-section" aria-labelledby="case-form-citizen">
        <h2 id="case-form-citizen">{t('cases.form.sections.citizen')}</h2>
        <TextField
          name="citizen.name"
          label={t('cases.form.fields.citizenName')}
          required
          autoComplete="off"
          value={form.citizen.name}
          onChange={setCitizen('name')}
          error={err('citizen.name')}
          maxLength={200}
        />
        <TextField
          name="citizen.cpr"
          label={mode === 'create' ? t('cases.form.fields.cpr') : t('cases.form.fields.cprEditLabel')}
          hint={mode === 'create' ? t('cases.form.fields.cprHint') : t('cases.form.fields.cprEditHint', { masked: props.cprMasked ?? '' })}
          required={mode === 'create'}
          autoComplete="off"
          className="input-char-11"
          value={form.citizen.cpr}
          onChange={setCitizen('cpr')}
          error={err('citizen.cpr')}
          maxLength={11}
        />
      </section>

      <section className="case-form-section" aria-labelledby="case-form-case">
        <h2 id="case-form-case">{t('cases.form.sections.case')}</h2>
        {mode === 'create' && (
          <SelectField
            name="team_id"
            label={t('cases.form.fields.team')}
            required
            value={form.team_id}
            onChange={(v) => setForm((f) => ({ ...f, team_id: v, caseworker_id: '' }))}
            options={props.teams ?? []}
            emptyLabel={props.teams && props.teams.length === 1 ? undefined : choose}
            error={err('team_id')}
          />
        )}
        <SelectField
          name="caseworker_id"
          label={t('cases.form.fields.caseworker')}
          hint={mode === 'create' ? t('cases.form.fields.caseworkerHint') : undefined}
          required={mode === 'edit'}
          value={form.caseworker_id}
          onChange={set('caseworker_id')}
          options={props.staff}
          emptyLabel={mode === 'create' ? t('cases.form.fields.caseworkerSelf') : undefined}
          error={err('caseworker_id')}
        />
        <SelectField
          name="legal_basis"
          label={t('cases.form.fields.legalBasis')}
          required
          value={form.legal_basis}
          onChange={(v) => set('legal_basis')(v as FormState['legal_basis'])}
          options={options('legalBasis')}
          emptyLabel={form.legal_basis === '' ? choose : undefined}
          error={err('legal_basis')}
        />
        <TextField
          name="legal_basis_note"
          label={t('cases.form.fields.legalBasisNote')}
          value={form.legal_basis_note}
          onChange={set('legal_basis_note')}
          error={err('legal_basis_note')}
          maxLength={1000}
        />
        <SelectField
          name="target_group"
          label={t('cases.form.fields.targetGroup')}
          required
          value={form.target_group}
          onChange={(v) => set('target_group')(v as FormState['target_group'])}
          options={options('targetGroup')}
          emptyLabel={form.target_group === '' ? choose : undefined}
          error={err('target_group')}
        />
      </section>

      <section className="case-form-section" aria-labelledby="case-form-follow-up">
        <h2 id="case-form-follow-up">{t('cases.form.sections.followUp')}</h2>
        <SelectField
          name="follow_up_cadence"
          label={t('cases.form.fields.cadence')}
          value={form.follow_up_cadence}
          onChange={(v) => set('follow_up_cadence')(v as FormState['follow_up_cadence'])}
          options={options('frequency')}
          emptyLabel={t('cases.form.fields.cadenceNone')}
          error={err('follow_up_cadence')}
        />
        <TextField
          name="next_follow_up_date"
          type="date"
          label={t('cases.form.fields.nextFollowUp')}
          hint={t('cases.form.fields.nextFollowUpHint')}
          className="input-width-s"
          value={form.next_follow_up_date}
          onChange={set('next_follow_up_date')}
          error={err('next_follow_up_date')}
        />
      </section>

      <section className="case-form-section" aria-labelledby="case-form-dreams">
        <h2 id="case-form-dreams">{t('cases.form.sections.dreams')}</h2>
        <p>{t('cases.form.sections.dreamsIntro')}</p>
        {rowList('dreams', 'cases.form.fields.dream.legend', (d: DreamRow, i) => (
          <>
            <TextArea
              name={`dreams[${i}].text`}
              label={t('cases.form.fields.dream.text')}
              required
              rows={3}
              maxLength={4000}
              value={d.text}
              onChange={(v) => setRow('dreams', i, { text: v })}
              error={err(`dreams[${i}].text`)}
            />
            <SelectField
              name={`dreams[${i}].kind`}
              label={t('cases.form.fields.dream.kind')}
              required
              value={d.kind}
              onChange={(v) => setRow('dreams', i, { kind: v as DreamRow['kind'] })}
              options={options('dreamKind')}
              error={err(`dreams[${i}].kind`)}
            />
            <SelectField
              name={`dreams[${i}].expressed_by`}
              label={t('cases.form.fields.dream.expressedBy')}
              required
              value={d.expressed_by}
              onChange={(v) => setRow('dreams', i, { expressed_by: v as DreamRow['expressed_by'] })}
              options={options('expressedBy')}
              error={err(`dreams[${i}].expressed_by`)}
            />
          </>
        ))}
      </section>

      <section className="case-form-section" aria-labelledby="case-form-resources">
        <h2 id="case-form-resources">{t('cases.form.sections.resources')}</h2>
        <p>{t('cases.form.sections.resourcesIntro')}</p>
        {rowList('resources', 'cases.form.fields.resource.legend', (r: ResourceRow, i) => (
          <>
            <SelectField
              name={`resources[${i}].type`}
              label={t('cases.form.fields.resource.type')}
              required
              value={r.type}
              onChange={(v) => setRow('resources', i, { type: v as ResourceRow['type'] })}
              options={options('resourceType')}
              emptyLabel={r.type === '' ? choose : undefined}
              error={err(`resources[${i}].type`)}
            />
            <TextArea
              name={`resources[${i}].description`}
              label={t('cases.form.fields.resource.description')}
              required
              rows={3}
              maxLength={4000}
              value={r.description}
              onChange={(v) => setRow('resources', i, { description: v })}
              error={err(`resources[${i}].description`)}
            />
            <SelectField
              name={`resources[${i}].source`}
              label={t('cases.form.fields.resource.source')}
              required
              value={r.source}
              onChange={(v) => setRow('resources', i, { source: v as ResourceRow['source'] })}
              options={options('resourceSource')}
              error={err(`resources[${i}].source`)}
            />
            <Checkbox
              name={`resources[${i}].confirmed_by_citizen`}
              label={t('cases.form.fields.resource.confirmed')}
              checked={r.confirmed_by_citizen}
              onChange={(v) => setRow('resources', i, { confirmed_by_citizen: v })}
            />
          </>
        ))}
      </section>

      <section className="case-form-section" aria-labelledby="case-form-network">
        <h2 id="case-form-network">{t('cases.form.sections.network')}</h2>
        <p>{t('cases.form.sections.networkIntro')}</p>
        {rowList('network', 'cases.form.fields.network.legend', (n: NetworkRow, i) => (
          <>
            <TextField
              name={`network[${i}].name`}
              label={t('cases.form.fields.network.name')}
              required
              autoComplete="off"
              maxLength={200}
              value={n.name}
              onChange={(v) => setRow('network', i, { name: v })}
              error={err(`network[${i}].name`)}
            />
            <TextField
              name={`network[${i}].relation`}
              label={t('cases.form.fields.network.relation')}
              hint={t('cases.form.fields.network.relationHint')}
              required
              autoComplete="off"
              maxLength={200}
              value={n.relation}
              onChange={(v) => setRow('network', i, { relation: v })}
              error={err(`network[${i}].relation`)}
            />
            <SelectField
              name={`network[${i}].kind`}
              label={t('cases.form.fields.network.kind')}
              required
              value={n.kind}
              onChange={(v) => setRow('network', i, { kind: v as NetworkRow['kind'] })}
              options={options('networkKind')}
              emptyLabel={n.kind === '' ? choose : undefined}
              error={err(`network[${i}].kind`)}
            />
            <SelectField
              name={`network[${i}].contact_status`}
              label={t('cases.form.fields.network.contactStatus')}
              value={n.contact_status}
              onChange={(v) => setRow('network', i, { contact_status: v as NetworkRow['contact_status'] })}
              options={options('contactStatus')}
              emptyLabel={notSet}
              error={err(`network[${i}].contact_status`)}
            />
            <Checkbox
              name={`network[${i}].consent_to_involve`}
              label={t('cases.form.fields.network.consent')}
              checked={n.consent_to_involve}
              onChange={(v) => setRow('network', i, { consent_to_involve: v })}
            />
            <TextArea
              name={`network[${i}].note`}
              label={t('cases.form.fields.network.note')}
              rows={2}
              maxLength={4000}
              value={n.note}
              onChange={(v) => setRow('network', i, { note: v })}
              error={err(`network[${i}].note`)}
            />
          </>
        ))}
      </section>

      <CollapsibleSection
        id="case-form-contact"
        title={t('cases.form.sections.contact')}
        open={open.contact}
        onToggle={() => setOpen((o) => ({ ...o, contact: !o.contact }))}
        hasError={Object.keys(errors).some((p) => sectionOf(p) === 'contact')}
      >
        <p>{t('cases.form.sections.contactIntro')}</p>
        {err('contact_agreement') && <ErrorMessage id={`${fieldId('contact_agreement')}-error`} text={err('contact_agreement')!} />}
        <CheckboxGroup
          name="contact_agreement.meeting_formats"
          label={t('cases.form.fields.contact.meetingFormats')}
          values={form.contact_agreement.meeting_formats}
          onChange={(v) => setContact('meeting_formats')(v as ContactState['meeting_formats'])}
          options={options('meetingFormat')}
          error={err('contact_agreement.meeting_formats')}
        />
        <CheckboxGroup
          name="contact_agreement.meeting_places"
          label={t('cases.form.fields.contact.meetingPlaces')}
          values={form.contact_agreement.meeting_places}
          onChange={(v) => setContact('meeting_places')(v as ContactState['meeting_places'])}
          options={options('meetingPlace')}
          error={err('contact_agreement.meeting_places')}
        />
        <CheckboxGroup
          name="contact_agreement.times_of_day"
          label={t('cases.form.fields.contact.timesOfDay')}
          values={form.contact_agreement.times_of_day}
          onChange={(v) => setContact('times_of_day')(v as ContactState['times_of_day'])}
          options={options('timeOfDay')}
          error={err('contact_agreement.times_of_day')}
        />
        <TextField
          name="contact_agreement.time_notes"
          label={t('cases.form.fields.contact.timeNotes')}
          hint={t('cases.form.fields.contact.timeNotesHint')}
          maxLength={1000}
          value={form.contact_agreement.time_notes}
          onChange={setContact('time_notes')}
          error={err('contact_agreement.time_notes')}
        />
        <CheckboxGroup
          name="contact_agreement.media"
          label={t('cases.form.fields.contact.media')}
          values={form.contact_agreement.media}
          onChange={(v) => setContact('media')(v as ContactState['media'])}
          options={options('medium')}
          error={err('contact_agreement.media')}
        />
        <SelectField
          name="contact_agreement.preferred_frequency"
          label={t('cases.form.fields.contact.preferredFrequency')}
          value={form.contact_agreement.preferred_frequency}
          onChange={(v) => setContact('preferred_frequency')(v as ContactState['preferred_frequency'])}
          options={options('frequency')}
          emptyLabel={notSet}
          error={err('contact_agreement.preferred_frequency')}
        />
        <SelectField
          name="contact_agreement.closeness"
          label={t('cases.form.fields.contact.closeness')}
          value={form.contact_agreement.closeness}
          onChange={(v) => setContact('closeness')(v as ContactState['closeness'])}
          options={options('closeness')}
          emptyLabel={notSet}
          error={err('contact_agreement.closeness')}
        />
        <TextArea
          name="contact_agreement.avoid_conditions"
          label={t('cases.form.fields.contact.avoidConditions')}
          hint={t('cases.form.fields.contact.avoidHint')}
          rows={2}
          maxLength={4000}
          value={form.contact_agreement.avoid_conditions}
          onChange={setContact('avoid_conditions')}
          error={err('contact_agreement.avoid_conditions')}
        />
        <Checkbox
          name="contact_agreement.agenda_in_advance"
          label={t('cases.form.fields.contact.agenda')}
          checked={form.contact_agreement.agenda_in_advance}
          onChange={setContact('agenda_in_advance')}
        />
        <TextArea
          name="contact_agreement.notes"
          label={t('cases.form.fields.contact.notes')}
          rows={3}
          maxLength={4000}
          value={form.contact_agreement.notes}
          onChange={setContact('notes')}
          error={err('contact_agreement.notes')}
        />
        <TextField
          name="contact_agreement.agreed_on"
          type="date"
          label={t('cases.form.fields.contact.agreedOn')}
          className="input-width-s"
          value={form.contact_agreement.agreed_on}
          onChange={setContact('agreed_on')}
          error={err('contact_agreement.agreed_on')}
        />
        <TextField
          name="contact_agreement.review_by"
          type="date"
          label={t('cases.form.fields.contact.reviewBy')}
          className="input-width-s"
          value={form.contact_agreement.review_by}
          onChange={setContact('review_by')}
          error={err('contact_agreement.review_by')}
        />
      </CollapsibleSection>

      <CollapsibleSection
        id="case-form-expectations"
        title={t('cases.form.sections.expectations')}
        open={open.expectations}
        onToggle={() => setOpen((o) => ({ ...o, expectations: !o.expectations }))}
        hasError={Object.keys(errors).some((p) => sectionOf(p) === 'expectations')}
      >
        <p>{t('cases.form.sections.expectationsIntro')}</p>
        {rowList('expectations', 'cases.form.fields.expectation.legend', (e: ExpectationRow, i) => (
          <>
            <TextField
              name={`expectations[${i}].held_on`}
              type="date"
              label={t('cases.form.fields.expectation.heldOn')}
              required
              className="input-width-s"
              value={e.held_on}
              onChange={(v) => setRow('expectations', i, { held_on: v })}
              error={err(`expectations[${i}].held_on`)}
            />
            <CheckboxGroup
              name={`expectations[${i}].topics`}
              label={t('cases.form.fields.expectation.topics')}
              required
              values={e.topics}
              onChange={(v) => setRow('expectations', i, { topics: v as ExpectationRow['topics'] })}
              options={options('alignmentTopic')}
              error={err(`expectations[${i}].topics`)}
            />
            <Checkbox
              name={`expectations[${i}].with_relatives`}
              label={t('cases.form.fields.expectation.withRelatives')}
              checked={e.with_relatives}
              onChange={(v) => setRow('expectations', i, { with_relatives: v })}
            />
            <TextArea
              name={`expectations[${i}].summary`}
              label={t('cases.form.fields.expectation.summary')}
              hint={t('cases.form.fields.expectation.summaryHint')}
              required
              rows={3}
              maxLength={4000}
              value={e.summary}
              onChange={(v) => setRow('expectations', i, { summary: v })}
              error={err(`expectations[${i}].summary`)}
            />
            <TextField
              name={`expectations[${i}].next_review`}
              type="date"
              label={t('cases.form.fields.expectation.nextReview')}
              className="input-width-s"
              value={e.next_review}
              onChange={(v) => setRow('expectations', i, { next_review: v })}
              error={err(`expectations[${i}].next_review`)}
            />
          </>
        ))}
      </CollapsibleSection>

      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t('common.saving') : props.submitLabel}
        </button>
        <Link to={props.cancelTo} className="button button-secondary">
          {t('cases.form.cancel')}
        </Link>
      </div>
    </form>
  );
}

const addButtonId = (list: ListName) => `case-form-add-${list}`;

function RowList<R extends { key: string }>({
  list,
  rows,
  legend,
  error,
  onAdd,
  onRemove,
  render,
}: {
  list: ListName;
  rows: R[];
  legend: MessageKey;
  error?: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  render: (row: R, index: number) => ReactNode;
}) {
  const t = useT();
  const id = fieldId(list);
  return (
    <div id={id} tabIndex={-1} className="case-form-list" aria-describedby={error ? `${id}-error` : undefined}>
      {error && <ErrorMessage id={`${id}-error`} text={error} />}
      {rows.length === 0 && <p className="form-hint">{t(`cases.form.lists.${list}.none`)}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="case-form-row">
          <legend className="h4">{t(legend, { n: i + 1 })}</legend>
          {render(row, i)}
          <button
            type="button"
            className="button button-secondary"
            aria-label={t(`cases.form.lists.${list}.remove`, { n: i + 1 })}
            onClick={() => onRemove(i)}
          >
            {t('cases.form.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" id={addButtonId(list)} className="button button-secondary case-form-add" onClick={onAdd}>
        {t(`cases.form.lists.${list}.add`)}
      </button>
    </div>
  );
}
