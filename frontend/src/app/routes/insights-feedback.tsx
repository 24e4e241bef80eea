import { FitInsightsPage } from '@/features/feedback/components/insights-page';

export default function InsightsFeedbackRoute() {
  return <FitInsightsPage />;
}
