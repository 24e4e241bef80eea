import { InsightsPage } from '@/features/checklists/components/insights-page';
import { InsightsNav } from '@/features/feedback/components/insights-nav';

export default function InsightsPrinciplesRoute() {
  return (
    <>
      <InsightsNav />
      <InsightsPage />
    </>
  );
}
