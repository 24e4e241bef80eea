// The read-only parts of the case page, in the order a conversation with the
// citizen usually takes: their own words first, then what we agreed.
import type { Case } from '@/features/cases/api/get-case';
import { formatDate, formatDay } from '@/features/cases/components/list/format';
import { OverdueBadge } from '@/features/cases/components/list/overdue-badge';
import { useI18n } from '@/lib/i18n';
import { Facts, joinList } from './facts';
import { Section } from './section';

export function AboutSection({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  return (
    <Section heading={t('cases.detail.about.heading')}>
      <Facts
        items={[
          { label: t('cases.detail.about.legalBasis'), value: t(`cases.labels.legalBasis.${c.legal_basis}`) },
          { label: t('cases.detail.about.legalBasisNote'), value: c.legal_basis_note },
          { label: t('cases.detail.about.targetGroup'), value: t(`cases.labels.targetGroup.${c.target_group}`) },
          { label: t('cases.detail.about.caseworker'), value: c.caseworker.name },
          { label: t('cases.detail.about.openedAt'), value: formatDay(c.opened_at, lang) },
          { label: t('cases.detail.about.updatedAt'), value: formatDay(c.updated_at, lang) },
        ]}
      />
    </Section>
  );
}

export function DreamsSection({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  return (
    <Section heading={t('cases.detail.dreams.heading')}>
      <p>{t('cases.detail.dreams.intro')}</p>
      {c.dreams.length === 0 ? (
        <p>{t('cases.detail.dreams.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {c.dreams.map((d) => (
            <li key={d.id} className="mb-5">
              <blockquote className="font-lead ml-0 mb-0">{d.text}</blockquote>
              <p className="mt-0">
                {t('cases.detail.dreams.meta', {
                  kind: t(`cases.labels.dreamKind.${d.kind}`),
                  who: t(`cases.labels.expressedBy.${d.expressed_by}`),
                  date: formatDay(d.recorded_at, lang),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ResourcesSection({ c }: { c: Case }) {
  const { t } = useI18n();
  return (
    <Section heading={t('cases.detail.resources.heading')}>
      {c.resources.length === 0 ? (
        <p>{t('cases.detail.resources.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {c.resources.map((r) => (
            <li key={r.id} className="mb-5">
              <h3 className="h4 mb-0">{t(`cases.labels.resourceType.${r.type}`)}</h3>
              <p className="mt-0 mb-0">{r.description}</p>
              <p className="mt-0 mb-0">{t('cases.detail.resources.source', { source: t(`cases.labels.resourceSource.${r.source}`) })}</p>
              {r.confirmed_by_citizen ? (
                <strong className="badge badge-success">{t('cases.detail.resources.confirmed')}</strong>
              ) : (
                <span className="badge">{t('cases.detail.resources.notConfirmed')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function NetworkSection({ c }: { c: Case }) {
  const { t } = useI18n();
  return (
    <Section heading={t('cases.detail.network.heading')}>
      {c.network.length === 0 ? (
        <p>{t('cases.detail.network.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {c.network.map((n) => (
            <li key={n.id} className="mb-5">
              <h3 className="h4 mb-0">
                {n.name}
                {n.relation && <span className="weight-normal"> ({n.relation})</span>}
              </h3>
              <Facts
                items={[
                  { label: t('cases.detail.network.kind'), value: t(`cases.labels.networkKind.${n.kind}`) },
                  {
                    label: t('cases.detail.network.contact'),
                    value: n.contact_status ? t(`cases.labels.contactStatus.${n.contact_status}`) : undefined,
                  },
                  { label: t('cases.detail.network.note'), value: n.note },
                ]}
              />
              <p className="mt-0">
                {n.consent_to_involve ? (
                  <strong className="badge badge-success">{t('cases.detail.network.consentYes')}</strong>
                ) : (
                  <strong className="badge badge-warning">{t('cases.detail.network.consentNo')}</strong>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ContactSection({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  const a = c.contact_agreement;
  const list = (values: string[]) => (values.length ? joinList(values, lang) : undefined);
  const empty =
    !a.meeting_formats.length &&
    !a.meeting_places.length &&
    !a.times_of_day.length &&
    !a.media.length &&
    !a.preferred_frequency &&
    !a.closeness &&
    !a.avoid_conditions &&
    !a.time_notes &&
    !a.notes &&
    !a.agreed_on &&
    !a.review_by &&
    !a.agenda_in_advance;
  return (
    <Section heading={t('cases.detail.contact.heading')}>
      {empty ? (
        <p>{t('cases.detail.contact.empty')}</p>
      ) : (
        <Facts
          items={[
            { label: t('cases.detail.contact.meetingFormats'), value: list(a.meeting_formats.map((v) => t(`cases.labels.meetingFormat.${v}`))) },
            { label: t('cases.detail.contact.meetingPlaces'), value: list(a.meeting_places.map((v) => t(`cases.labels.meetingPlace.${v}`))) },
            { label: t('cases.detail.contact.timesOfDay'), value: list(a.times_of_day.map((v) => t(`cases.labels.timeOfDay.${v}`))) },
            { label: t('cases.detail.contact.timeNotes'), value: a.time_notes },
            { label: t('cases.detail.contact.media'), value: list(a.media.map((v) => t(`cases.labels.medium.${v}`))) },
            {
              label: t('cases.detail.contact.frequency'),
              value: a.preferred_frequency ? t(`cases.labels.frequency.${a.preferred_frequency}`) : undefined,
            },
            { label: t('cases.detail.contact.closeness'), value: a.closeness ? t(`cases.labels.closeness.${a.closeness}`) : undefined },
            { label: t('cases.detail.contact.avoid'), value: a.avoid_conditions },
            {
              label: t('cases.detail.contact.agenda'),
              value: a.agenda_in_advance ? t('cases.detail.contact.agendaYes') : t('cases.detail.contact.agendaNo'),
            },
            { label: t('cases.detail.contact.notes'), value: a.notes },
            { label: t('cases.detail.contact.agreedOn'), value: formatDate(a.agreed_on, lang) },
            { label: t('cases.detail.contact.reviewBy'), value: formatDate(a.review_by, lang) },
          ]}
        />
      )}
    </Section>
  );
}

export function ExpectationsSection({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  const rounds = [...c.expectations].sort((a, b) => b.held_on.localeCompare(a.held_on));
  return (
    <Section heading={t('cases.detail.expectations.heading')}>
      {rounds.length === 0 ? (
        <p>{t('cases.detail.expectations.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {rounds.map((e) => (
            <li key={e.id} className="mb-5">
              <h3 className="h4">{t('cases.detail.expectations.round', { date: formatDate(e.held_on, lang) })}</h3>
              <Facts
                items={[
                  {
                    label: t('cases.detail.expectations.topics'),
                    value: e.topics.length ? joinList(e.topics.map((v) => t(`cases.labels.alignmentTopic.${v}`)), lang) : undefined,
                  },
                  { label: t('cases.detail.expectations.agreed'), value: e.summary },
                  {
                    label: t('cases.detail.expectations.withRelatives'),
                    value: e.with_relatives ? t('cases.detail.expectations.withRelativesYes') : t('cases.detail.expectations.withRelativesNo'),
                  },
                  { label: t('cases.detail.expectations.nextReview'), value: formatDate(e.next_review, lang) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function FollowUpSection({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  return (
    <Section heading={t('cases.detail.followUp.heading')}>
      <Facts
        items={[
          {
            label: t('cases.detail.followUp.cadence'),
            value: c.follow_up_cadence ? t(`cases.labels.frequency.${c.follow_up_cadence}`) : t('common.notSet'),
          },
          {
            label: t('cases.detail.followUp.next'),
            value: (
              <>
                {c.next_follow_up_date ? formatDate(c.next_follow_up_date, lang) : t('cases.detail.followUp.none')}
                {c.follow_up_overdue && (
                  <>
                    {' '}
                    <OverdueBadge />
                  </>
                )}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}
