// What every part's form does on "Send svar": check first (as the server
// does), send with the form's one submission id, and sort out the answer —
// done, field errors for the error summary and the fields, or a message
// about the link, the connection or the rate limit.
//
// A 409 has two meanings the API does not tell apart (same problem type):
// the part was answered already (from another submission), or the server
// refuses it (e.g. topics for a meeting that is no longer planned) and
// stored nothing. The page asks the link again: answered there → "already";
// still open → "refused", and the citizen is told the answer was not sent.
import { useState } from 'react';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { openLink } from '../api/open-link';
import { usePartSubmission, type PartPayload } from '../api/submit-part';
import { failureOf, type Failure, type FieldProblem, type Outcome, type Part, type TopicsForm } from '../feedback-model';

export type Done = (part: Part, outcome: Outcome) => void;

export function usePartForm<P extends Part>(token: string, part: P, onDone: Done) {
  const { lang } = useI18n();
  const submission = usePartSubmission(token, part);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [checking, setChecking] = useState(false);
  // Changes on every send that finds problems, so the summary takes focus again.
  const [attempt, setAttempt] = useState(0);

  async function afterConflict() {
    setChecking(true);
    try {
      const view = await openLink(token, lang);
      onDone(part, view.parts.some((p) => p.part === part && p.done) ? 'already' : 'refused');
    } catch (e) {
      // A used-up link (404) has every part answered, this one too.
      if (e instanceof ApiError && e.status === 404) onDone(part, 'already');
      else setFailure(e instanceof ApiError ? failureOf(e.status, e.problem) : failureOf(0));
    } finally {
      setChecking(false);
    }
  }

  function send(payload: PartPayload[P], clientProblems: FieldProblem[], topicsForm?: TopicsForm) {
    if (submission.isPending || checking) return;
    setFailure(null);
    setProblems(clientProblems);
    if (clientProblems.length) {
      setAttempt((n) => n + 1);
      return;
    }
    submission.mutate(payload, {
      onSuccess: () => onDone(part, 'sent'),
      onError: (e) => {
        const f = e instanceof ApiError ? failureOf(e.status, e.problem, topicsForm) : failureOf(0);
        if (f.kind === 'conflict') void afterConflict();
        else if (f.kind === 'invalid') {
          setProblems(f.problems);
          setAttempt((n) => n + 1);
        } else setFailure(f);
      },
    });
  }

  /** The problem at one field (its API path), if any. */
  const at = (field: string) => problems.find((p) => p.field === field);

  return { send, problems, failure, attempt, at, pending: submission.isPending || checking, submissionId: submission.submissionId };
}
