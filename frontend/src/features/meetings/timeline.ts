// The case's timeline: phase changes, follow-up reviews and meetings in one
// list, newest first. Dates compare as text: calendar dates ("2026-11-03")
// sort before the instants of the same day.
import type { Case } from '@/features/cases/api/get-case';
import type { Meeting } from './api/list-meetings';

type FollowUpLike = { id: string; held_on: string; by: string; next_follow_up_date: string; note?: string };

export type TimelineEntry =
  | { kind: 'phase'; key: string; at: string; change: Case['phase_history'][number] }
  | { kind: 'followUp'; key: string; at: string; followUp: FollowUpLike }
  | { kind: 'meeting'; key: string; at: string; meeting: Meeting };

export function timeline(
  phaseHistory: readonly Case['phase_history'][number][],
  followUps: readonly FollowUpLike[],
  meetings: readonly Meeting[],
): TimelineEntry[] {
  const out: TimelineEntry[] = [
    ...phaseHistory.map((change) => ({ kind: 'phase' as const, key: `phase-${change.id}`, at: change.occurred_at, change })),
    ...followUps.map((followUp) => ({ kind: 'followUp' as const, key: `followup-${followUp.id}`, at: followUp.held_on, followUp })),
    ...meetings.map((meeting) => ({ kind: 'meeting' as const, key: `meeting-${meeting.id}`, at: meeting.starts_at, meeting })),
  ];
  return out.map((e, n) => ({ e, n })).sort((a, b) => b.e.at.localeCompare(a.e.at) || a.n - b.n).map((x) => x.e);
}
