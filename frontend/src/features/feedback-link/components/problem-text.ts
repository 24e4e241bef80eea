// A problem as the citizen reads it: longer in the error summary (which names
// the question), short at the field.
import type { MessageKey, Vars } from '@/lib/i18n';
import type { FieldProblem } from '../feedback-model';

type T = (key: MessageKey, vars?: Vars) => string;
export type ProblemContext = 'scale' | 'question' | 'text' | 'topic';

export function problemText(t: T, p: FieldProblem, ctx: ProblemContext, name = '', forSummary = false): string {
  switch (p.code) {
    case 'required':
      if (ctx === 'scale') return forSummary ? t('feedbackLink.scale.required', { item: name }) : t('feedbackLink.scale.requiredShort');
      return forSummary ? t('feedbackLink.questions.required', { question: name }) : t('feedbackLink.questions.requiredShort');
    case 'outOfRange':
      return t('feedbackLink.scale.outOfRange');
    case 'tooLong':
      return ctx === 'topic' ? t('feedbackLink.topics.tooLong', { n: p.n ?? 300 }) : t('feedbackLink.questions.tooLong', { n: p.n ?? 1000 });
    case 'atLeastOne':
      return t('feedbackLink.topics.atLeastOne');
    default:
      return t('feedbackLink.errors.generic');
  }
}
