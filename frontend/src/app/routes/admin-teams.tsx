import { TeamsPage } from '@/features/admin/components/teams-page';

export default function AdminTeamsRoute() {
  return <TeamsPage />;
}
