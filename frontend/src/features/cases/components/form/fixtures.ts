// Test data: a case as the API returns it.
import type { Schemas } from '@/lib/api/client';

type Case = Schemas['Case'];

export function aCase(over: Partial<Case> = {}): Case {
  return {
    id: 'c1',
    team_id: 't1',
    caseworker: { id: 'u1', name: 'Ane Holm' },
    citizen: { name: 'Karen Østergaard', cpr: '010190-xxxx' },
    legal_basis: 'sel_85',
    target_group: 'mental_health',
    phase: 'sagsoplysning',
    phase_iteration: 1,
    phase_history: [],
    allowed_next_phases: ['sagsvurdering'],
    status: 'open',
    follow_up_cadence: 'monthly',
    next_follow_up_date: '2027-02-01',
    follow_up_overdue: false,
    dreams: [
      { id: 'd1', text: 'At få et arbejde med dyr', kind: 'dream', expressed_by: 'citizen', recorded_at: '2026-01-01T10:00:00Z' },
      { id: 'd2', text: 'At se min søster oftere', kind: 'wish', expressed_by: 'citizen', recorded_at: '2026-01-01T10:00:00Z' },
    ],
    resources: [
      {
        id: 'r1',
        type: 'skill',
        description: 'God til at lave mad',
        source: 'citizen',
        confirmed_by_citizen: true,
        recorded_at: '2026-01-01T10:00:00Z',
      },
    ],
    network: [{ id: 'n1', name: 'Jens', relation: 'bror', kind: 'family', consent_to_involve: true, contact_status: 'active' }],
    contact_agreement: {
      meeting_formats: ['walk_and_talk'],
      meeting_places: ['outdoors', 'citizen_home'],
      times_of_day: ['afternoon'],
      media: ['sms'],
      agenda_in_advance: true,
      closeness: 'standard',
      notes: 'Ring ikke før kl. 10',
    },
    expectations: [
      {
        id: 'e1',
        held_on: '2026-02-01',
        topics: ['meeting_forms', 'waiting_time'],
        with_relatives: false,
        summary: 'Vi mødes hver måned.',
      },
    ],
    opened_at: '2026-01-01T10:00:00Z',
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
    version: 3,
    ...over,
  };
}
