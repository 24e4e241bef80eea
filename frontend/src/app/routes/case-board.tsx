// /sager/:id/tavle: the meeting board for a shared screen. Built from the
// citizen's plan (the goals in the citizen's words, no CPR number); today's
// values go to POST /goals/{id}/progress.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { usePlan } from '@/features/goals/api/plan';
import { BoardView } from '@/features/goals/components/board/board-view';
import { useT } from '@/lib/i18n';

export default function CaseBoardPage() {
  const t = useT();
  const { id = '' } = useParams();
  const plan = usePlan(id);

  useEffect(() => {
    document.title = `${t('goals.board.title')} – ${t('common.appName')}`;
  }, [t]);

  return (
    <>
      <div className="board-back">
        <Link to={`/sager/${id}`} className="back-link">
          {t('goals.board.backToCase')}
        </Link>
      </div>
      <BoardView caseId={id} plan={plan.data} pending={plan.error ? <ProblemAlert error={plan.error} /> : <Spinner />} />
    </>
  );
}
