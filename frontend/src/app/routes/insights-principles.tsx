import { InsightsPage } from '@/features/checklists/components/insights-page';

export default function InsightsPrinciplesRoute() {
  return <InsightsPage />;
}
