import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { roleLabelKey } from '../roles';
import type { User } from '../user-form';

export const USERS_TABLE_ID = 'users-table';
export const editLinkId = (userId: string) => `edit-user-${userId}`;

/** The user list as a DKFDS table: caption, column headers, the name as row header. */
export function UsersTable({
  users,
  caption,
  editSearch,
  onEdit,
}: {
  users: User[];
  caption: string;
  /** Search string that opens the edit view of a user. */
  editSearch: (id: string) => string;
  onEdit: () => void;
}) {
  const t = useT();
  return (
    <div
      id={USERS_TABLE_ID}
      className="table--responsive-scroll admin-table-scroll"
      tabIndex={0}
      role="region"
      aria-labelledby="users-caption"
    >
      <table className="table table--zebra">
        <caption id="users-caption" className="align-text-left">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.table.name')}</th>
            <th scope="col">{t('admin.users.table.email')}</th>
            <th scope="col">{t('admin.users.table.role')}</th>
            <th scope="col">{t('admin.users.table.teams')}</th>
            <th scope="col">{t('admin.users.table.status')}</th>
            <th scope="col">{t('admin.users.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>{t(roleLabelKey(u.role))}</td>
              <td>{u.teams.length ? u.teams.map((tm) => tm.name).join(', ') : t('common.none')}</td>
              <td>
                <span className={u.active ? 'badge badge-success' : 'badge'}>
                  {u.active ? t('admin.status.active') : t('admin.status.inactive')}
                </span>
              </td>
              <td>
                <Link id={editLinkId(u.id)} to={{ search: editSearch(u.id) }} onClick={onEdit}>
                  {t('admin.users.table.edit')}
                  <span className="sr-only"> {u.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
