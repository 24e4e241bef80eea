import { DrilldownPage } from '@/features/checklists/components/drilldown-page';

export default function InsightsPrincipleCasesRoute() {
  return <DrilldownPage />;
}
