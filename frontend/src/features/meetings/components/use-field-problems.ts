// Field problems of a meeting form, from the form's own check or the
// server's 422, as messages per field (by API path) and summary items.
import { useState } from 'react';
import type { SummaryItem } from '@/components/error-summary';
import type { FieldError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import type { FieldProblem } from '../plan-model';

export function useFieldProblems(label: (field: string) => string) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<{ field?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const local = (list: FieldProblem[]) =>
    setProblems(
      list.map((p) => ({ field: p.field, message: t(`meetings.errors.${p.problem}`, p.n !== undefined ? { n: p.n } : undefined) })),
    );
  const server = (list: FieldError[]) => setProblems(list.map((e) => ({ field: e.field, message: e.message })));
  const at: Record<string, string> = {};
  for (const p of problems) if (p.field) at[p.field] ??= p.message;
  const summary: SummaryItem[] = problems.map((p) => (p.field ? { field: p.field, message: `${label(p.field)}: ${p.message}` } : { message: p.message }));
  return {
    at,
    summary,
    attempt,
    next: () => setAttempt((n) => n + 1),
    local,
    server,
    other: (message: string) => setProblems([{ message }]),
    clear: () => setProblems([]),
  };
}
