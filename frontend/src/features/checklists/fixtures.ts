// Test support: checklists and principles shaped like the API's, with the
// built-in principle titles and the phase mapping the server ships.
import type { Checklist, ChecklistItem, Principle, PrincipleCode } from './api/list-checklists';
import type { PrincipleInsight } from './api/get-insights';
import type { Phase } from '@/features/cases/components/list/filters';
import { PHASES } from '@/features/cases/components/list/filters';

const P: [PrincipleCode, string, string, Phase[], Phase[]][] = [
  ['P1_HOPES', 'Tag udgangspunkt i borgernes håb, ønsker og drømme', "Start from the citizen's hopes, wishes and dreams", ['sagsaabning', 'sagsoplysning', 'sagsvurdering', 'opfoelgning'], []],
  ['P2_RESOURCES', 'Fokusér på borgernes ressourcer', "Focus on the citizen's resources", ['sagsoplysning', 'sagsvurdering', 'bestilling', 'opfoelgning'], []],
  ['P3_NETWORK', 'Inddrag borgernes netværk og de almene fællesskaber', "Involve the citizen's network and ordinary communities", ['sagsoplysning', 'sagsvurdering', 'bestilling', 'opfoelgning'], ['sagsaabning']],
  ['P4_OPENNESS', 'Mød borgerne med åbenhed, tillid og respekt', 'Meet citizens with openness, trust and respect', ['sagsaabning', 'sagsoplysning', 'sagsvurdering', 'opfoelgning'], ['afgoerelse', 'bestilling']],
  ['P5_EARLY', 'Hjælp borgerne så tidligt som muligt', 'Help citizens as early as possible', ['sagsaabning', 'sagsoplysning', 'opfoelgning'], ['sagsvurdering', 'bestilling']],
  ['P6_COORDINATED', 'Arbejd koordineret med borgernes samlede livssituation', "Work in a coordinated way with the citizen's whole life", ['sagsaabning', 'sagsoplysning', 'sagsvurdering', 'bestilling', 'opfoelgning'], []],
  ['P7_FOLLOW_UP', 'Følg op, så indsatsen altid er den rette', 'Follow up so the support is always right', ['opfoelgning'], []],
  ['P8_KNOWLEDGE', 'Brug viden og metoder, der virker', 'Use knowledge and methods that work', ['sagsoplysning', 'sagsvurdering', 'opfoelgning'], ['sagsaabning']],
];

export const PRINCIPLES: Principle[] = P.map(([code, da, en, core, optional], i) => ({
  code,
  number: i + 1,
  title_da: da,
  title_en: en,
  description: { da: `Beskrivelse af ${da}.`, en: `About ${en}.` },
  reflection_questions: { da: [`Hvordan har I arbejdet med ${da.toLowerCase()}?`], en: [`How did you work with ${en.toLowerCase()}?`] },
  core,
  optional,
}));

const rank = { core: 0, optional: 1, other: 2 } as const;

/** A checklist of a phase with every item open, ordered like the server's; override items by code. */
export function aChecklist(
  phase: Phase,
  over: Partial<Checklist> = {},
  answers: Partial<Record<PrincipleCode, Partial<ChecklistItem>>> = {},
): Checklist {
  const items: ChecklistItem[] = PRINCIPLES.map((p): ChecklistItem => ({
    principle: p,
    applicability: p.core.includes(phase) ? 'core' : p.optional.includes(phase) ? 'optional' : 'other',
    status: 'open' as const,
    note: '',
    ...answers[p.code],
  })).sort((a, b) => rank[a.applicability] - rank[b.applicability] || a.principle.number - b.principle.number);
  const relevant = items.filter((i) => i.applicability !== 'other');
  const answered = relevant.filter((i) => i.status !== 'open').length;
  return {
    id: `c0000000-0000-4000-8000-${PHASES.indexOf(phase).toString().padStart(12, '0')}`,
    case_id: 'd9fb28e7-55cf-4f26-95c3-d420000f3077',
    phase,
    iteration: 1,
    round: 1,
    principle_version: 'S2-2023-reconstructed',
    current: true,
    state: answered === 0 ? 'not_started' : answered === relevant.length ? 'complete' : 'in_progress',
    completion: { answered, relevant: relevant.length, percent: relevant.length ? Math.floor((answered * 100) / relevant.length) : 100 },
    open_core: items.filter((i) => i.applicability === 'core' && i.status === 'open').map((i) => i.principle.code),
    items,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    version: 1,
    ...over,
    gate: over.gate ?? over.current ?? true,
  };
}

/** An overview where every relevant cell has `n` checklists with `applied` of them applied. */
export function anInsight(cell: (code: PrincipleCode, phase: Phase) => { n: number; applied: number }): PrincipleInsight {
  const cells = PRINCIPLES.flatMap((p) =>
    PHASES.map((ph) => {
      const applicability = p.core.includes(ph) ? ('core' as const) : p.optional.includes(ph) ? ('optional' as const) : ('other' as const);
      const { n, applied } = applicability === 'other' ? { n: 0, applied: 0 } : cell(p.code, ph);
      const tooFew = n < 5;
      const counts = { applied, partly_applied: 0, not_applied: 0, not_relevant_now: 0, open: n - applied };
      return {
        principle: p.code,
        phase: ph,
        applicability,
        checklists: n,
        counts,
        too_few: tooFew,
        ...(tooFew ? {} : { shares: { applied: applied / n, partly_applied: 0, not_applied: 0, not_relevant_now: 0, open: (n - applied) / n } }),
      };
    }),
  );
  return {
    from: '2026-08-27',
    to: '2026-11-24',
    team_ids: ['99a44380-7970-411f-848f-2be7eaf8a25e'],
    min_checklists: 5,
    principle_version: 'S2-2023-reconstructed',
    principles: PRINCIPLES.map((p) => ({ code: p.code, number: p.number, title_da: p.title_da, title_en: p.title_en })),
    phases: [...PHASES],
    cells,
  };
}
