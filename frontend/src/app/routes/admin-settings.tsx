import { SettingsPage } from '@/features/checklists/components/settings-page';

export default function AdminSettingsRoute() {
  return <SettingsPage />;
}
