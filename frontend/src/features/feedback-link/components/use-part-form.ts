// What every part's form does on "Send svar": check first (as the server
// does), send with the form's one submission id, and sort out the answer —
// done, field errors for the error summary and the fields, or a message
// about the link, the connection or the rate limit.
//
// A 409 is told apart by its problem type: already-answered means the part
// was answered from another submission; any other means the server refused
// it (e.g. topics for a meeting cancelled since) and stored nothing, and the
// citizen is told the answer was not sent.
import { useState } from 'react';
import { ApiError } from '@/lib/api/client';
import { usePartSubmission, type PartPayload } from '../api/submit-part';
import { failureOf, type Failure, type FieldProblem, type Outcome, type Part, type TopicsForm } from '../feedback-model';

export type Done = (part: Part, outcome: Outcome) => void;

export function usePartForm<P extends Part>(token: string, part: P, onDone: Done) {
  const submission = usePartSubmission(token, part);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Changes on every send that finds problems, so the summary takes focus again.
  const [attempt, setAttempt] = useState(0);

  function send(payload: PartPayload[P], clientProblems: FieldProblem[], topicsForm?: TopicsForm) {
    if (submission.isPending) return;
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
        if (f.kind === 'already' || f.kind === 'refused') onDone(part, f.kind);
        else if (f.kind === 'invalid') {
          setProblems(f.problems);
          setAttempt((n) => n + 1);
        } else setFailure(f);
      },
    });
  }

  /** The problem at one field (its API path), if any. */
  const at = (field: string) => problems.find((p) => p.field === field);

  return { send, problems, failure, attempt, at, pending: submission.isPending, submissionId: submission.submissionId };
}
