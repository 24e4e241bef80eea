import { UsersPage } from '@/features/admin/components/users-page';

export default function AdminUsersRoute() {
  return <UsersPage />;
}
