import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Spinner } from '@/components/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { AppLayout } from './app-layout';
import { RequireSession } from './require-session';

// Every screen is its own chunk; the login page and the case list load only
// what they need (see scripts/bundle-report.mjs for the budget).
const Login = lazy(() => import('./routes/login'));
const CasesList = lazy(() => import('./routes/cases-list'));
const CaseDetail = lazy(() => import('./routes/case-detail'));
const CaseNew = lazy(() => import('./routes/case-new'));
const CaseEdit = lazy(() => import('./routes/case-edit'));
const GoalForm = lazy(() => import('./routes/goal-new'));
const GoalDetail = lazy(() => import('./routes/goal-detail'));
const CaseFollowUp = lazy(() => import('./routes/case-followup'));
const CasePlan = lazy(() => import('./routes/case-plan'));
const CaseBoard = lazy(() => import('./routes/case-board'));
const AdminUsers = lazy(() => import('./routes/admin-users'));
const AdminTeams = lazy(() => import('./routes/admin-teams'));
const AdminSettings = lazy(() => import('./routes/admin-settings'));
const InsightsPrinciples = lazy(() => import('./routes/insights-principles'));
const InsightsPrincipleCases = lazy(() => import('./routes/insights-principle-cases'));
const InsightsFeedback = lazy(() => import('./routes/insights-feedback'));
const MeetingNew = lazy(() => import('./routes/meeting-new'));
const MeetingDetail = lazy(() => import('./routes/meeting-detail'));
const NotFound = lazy(() => import('./routes/not-found'));

function page(C: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Spinner />}>
      <C />
    </Suspense>
  );
}

/** The front page depends on the role: case work, or administration. */
function Home() {
  const me = useMe();
  if (!me.data) return <Spinner />;
  if (me.data.role === 'admin') return <Navigate to="/admin/brugere" replace />;
  return <Navigate to="/sager" replace />;
}

export const routes = [
  { path: '/login', element: page(Login) },
  { path: '/feedback/:token', element: page(lazy(() => import('./routes/feedback-link'))) }, // public: the citizen's feedback link
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { path: '/', element: <Home /> },
      { path: '/sager', element: page(CasesList) },
      { path: '/sager/ny', element: page(CaseNew) },
      { path: '/sager/:id', element: page(CaseDetail) },
      { path: '/sager/:id/rediger', element: page(CaseEdit) },
      { path: '/sager/:id/maal/ny', element: page(GoalForm) },
      { path: '/sager/:id/maal/:goalId', element: page(GoalDetail) },
      { path: '/sager/:id/maal/:goalId/rediger', element: page(GoalForm) },
      { path: '/sager/:id/opfoelgning', element: page(CaseFollowUp) },
      { path: '/sager/:id/min-plan', element: page(CasePlan) },
      { path: '/sager/:id/tavle', element: page(CaseBoard) },
      { path: '/sager/:id/moeder/ny', element: page(MeetingNew) },
      { path: '/sager/:id/moeder/:meetingId', element: page(MeetingDetail) },
      { path: '/admin/brugere', element: page(AdminUsers) },
      { path: '/admin/teams', element: page(AdminTeams) },
      { path: '/admin/indstillinger', element: page(AdminSettings) },
      { path: '/indsigt/principper', element: page(InsightsPrinciples) },
      { path: '/indsigt/principper/:principle/:phase', element: page(InsightsPrincipleCases) },
      { path: '/indsigt/feedback', element: page(InsightsFeedback) },
      { path: '*', element: page(NotFound) },
    ],
  },
];

export const router = createBrowserRouter(routes);
