// Query-key factory for feedback (FIT scores, questions, signals, links,
// wording, the leader's figures): every query and invalidation goes through
// it. A case's reading and signals sit under feedbackKeys.case(caseId), a
// meeting's feedback under feedbackKeys.meeting(id), and the caseworker's
// own open signals under feedbackKeys.mine(), so a new score refreshes all
// three with feedbackKeys.scores().
import type { paths } from '@/lib/api/schema.gen';

export type FitInsightParams = NonNullable<paths['/insights/fit']['get']['parameters']['query']>;

export const feedbackKeys = {
  all: ['feedback'] as const,
  scores: () => [...feedbackKeys.all, 'scores'] as const,
  case: (caseId: string) => [...feedbackKeys.scores(), 'case', caseId] as const,
  fit: (caseId: string) => [...feedbackKeys.case(caseId), 'fit'] as const,
  signals: (caseId: string) => [...feedbackKeys.case(caseId), 'signals'] as const,
  meeting: (id: string) => [...feedbackKeys.scores(), 'meeting', id] as const,
  mine: () => [...feedbackKeys.scores(), 'mine'] as const,
  wording: (lang: string) => [...feedbackKeys.all, 'wording', lang] as const,
  insights: (params: FitInsightParams) => [...feedbackKeys.all, 'insights', params] as const,
};
