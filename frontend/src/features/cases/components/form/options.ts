// Choices for the form's selects and checkbox groups. The codes are the keys
// of the label texts; the checks below make the compiler fail if the labels
// and the generated API schema ever disagree about a code list.
import { useCallback } from 'react';
import type { Schemas } from '@/lib/api/client';
import { useT, type MessageKey } from '@/lib/i18n';
import { da as labels } from '@/features/cases/labels.messages';
import type { CodeGroup } from './form-model';
import type { Option } from '@/components/fields';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Codes<G extends CodeGroup> = keyof (typeof labels)[G];
type CA = Schemas['ContactAgreementInput'];
const agree: [
  Same<Codes<'legalBasis'>, Schemas['Case']['legal_basis']>,
  Same<Codes<'targetGroup'>, Schemas['Case']['target_group']>,
  Same<Codes<'frequency'>, NonNullable<Schemas['Case']['follow_up_cadence']>>,
  Same<Codes<'dreamKind'>, NonNullable<Schemas['DreamInput']['kind']>>,
  Same<Codes<'expressedBy'>, NonNullable<Schemas['DreamInput']['expressed_by']>>,
  Same<Codes<'resourceType'>, Schemas['ResourceInput']['type']>,
  Same<Codes<'resourceSource'>, NonNullable<Schemas['ResourceInput']['source']>>,
  Same<Codes<'networkKind'>, Schemas['NetworkPersonInput']['kind']>,
  Same<Codes<'contactStatus'>, NonNullable<Schemas['NetworkPersonInput']['contact_status']>>,
  Same<Codes<'meetingFormat'>, NonNullable<CA['meeting_formats']>[number]>,
  Same<Codes<'meetingPlace'>, NonNullable<CA['meeting_places']>[number]>,
  Same<Codes<'timeOfDay'>, NonNullable<CA['times_of_day']>[number]>,
  Same<Codes<'medium'>, NonNullable<CA['media']>[number]>,
  Same<Codes<'closeness'>, NonNullable<CA['closeness']>>,
  Same<Codes<'alignmentTopic'>, Schemas['ExpectationInput']['topics'][number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void agree;

/** The codes of a group, in the order the labels list them. */
export function codesOf<G extends CodeGroup>(group: G): Codes<G>[] {
  return Object.keys(labels[group]) as Codes<G>[];
}

/** The label of a code in the current language. */
export function codeLabel(t: (k: MessageKey) => string, group: CodeGroup, code: string): string {
  return t(`cases.labels.${group}.${code}` as MessageKey);
}

/** Options for a select or checkbox group, labelled in the current language. */
export function useOptions() {
  const t = useT();
  return useCallback((group: CodeGroup): Option[] => codesOf(group).map((c) => ({ value: c, label: codeLabel(t, group, c) })), [t]);
}
