import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import { useTeams } from '../api/list-teams';
import { useUsers } from '../api/list-users';
import { isUuid, readUserFilters, toUserListParams, USER_PARAMS, withCursor, withParam, withUserFilters } from '../filters';
import { roleLabelKey } from '../roles';
import { AdminOnly } from './admin-only';
import { CreateUserForm } from './create-user-form';
import { EditUserForm } from './edit-user-form';
import { StatusRegion, statusOf, type StatusMessage } from './status-region';
import { UserFilters } from './user-filters';
import { editLinkId, USERS_TABLE_ID, UsersTable } from './users-table';
import { useDocumentTitle } from './use-document-title';
import { usePendingFocus } from './use-focus';
import './admin.css';

const CREATE_BUTTON_ID = 'create-user-button';

/** /admin/brugere: the user list, "Opret bruger", and "Ret bruger" (?rediger=<id>). */
export function UsersPage() {
  const t = useT();
  const [sp] = useSearchParams();
  const editing = isUuid(sp.get(USER_PARAMS.edit));
  useDocumentTitle(...(editing ? [t('admin.users.editTitle'), t('admin.users.title')] : [t('admin.users.title')]));
  return (
    <>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <AdminOnly>
        <UsersAdmin />
      </AdminOnly>
    </>
  );
}

function UsersAdmin() {
  const t = useT();
  const [sp, setSp] = useSearchParams();
  const editId = sp.get(USER_PARAMS.edit);
  const filters = readUserFilters(sp);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<StatusMessage>(null);
  const focus = usePendingFocus();

  function closeEdit(message: string | null) {
    const id = editId ?? '';
    setStatus(message ? statusOf(message) : null);
    setSp(withParam(sp, USER_PARAMS.edit, null));
    focus(editLinkId(id), CREATE_BUTTON_ID);
  }

  return (
    <>
      <StatusRegion message={status} />
      {isUuid(editId) ? (
        <EditUserForm key={editId} id={editId} onDone={closeEdit} />
      ) : (
        <>
          <p>{t('admin.users.intro')}</p>
          {creating ? (
            <CreateUserForm
              onCreated={(name) => {
                setCreating(false);
                setStatus(statusOf(t('admin.users.created', { name })));
                focus(CREATE_BUTTON_ID);
              }}
              onCancel={() => {
                setCreating(false);
                focus(CREATE_BUTTON_ID);
              }}
            />
          ) : (
            <button
              id={CREATE_BUTTON_ID}
              type="button"
              className="button button-primary"
              onClick={() => {
                setStatus(null);
                setCreating(true);
              }}
            >
              {t('admin.users.create')}
            </button>
          )}
          <UserFilters
            filters={filters}
            clearTo={withUserFilters(sp, {}).toString()}
            onClear={() => {
              setStatus(null);
              focus('filter-team');
            }}
            onApply={(f) => {
              setStatus(null);
              setSp(withUserFilters(sp, f));
            }}
          />
          <UserList
            filters={filters}
            onEdit={() => {
              setStatus(null);
              setCreating(false);
            }}
            onPage={() => focus(USERS_TABLE_ID)}
          />
        </>
      )}
    </>
  );
}

function UserList({
  filters,
  onEdit,
  onPage,
}: {
  filters: ReturnType<typeof readUserFilters>;
  onEdit: () => void;
  onPage: () => void;
}) {
  const t = useT();
  const [sp] = useSearchParams();
  const users = useUsers(toUserListParams(filters));
  const teams = useTeams();

  if (users.isPending) return <Spinner />;
  if (users.error) return <ProblemAlert error={users.error} />;

  const parts: string[] = [];
  if (filters.team) parts.push(teams.data?.items.find((tm) => tm.id === filters.team)?.name ?? t('admin.users.filter.team'));
  if (filters.role) parts.push(t(roleLabelKey(filters.role)));
  const caption = parts.length
    ? t('admin.users.table.captionFiltered', { filter: parts.join(', ') })
    : t('admin.users.table.caption');
  const page = users.data;
  const next = page.next_cursor;

  return (
    <>
      {page.items.length === 0 ? (
        <p>{t('admin.users.empty')}</p>
      ) : (
        <UsersTable
          users={page.items}
          caption={caption}
          editSearch={(id) => withParam(sp, USER_PARAMS.edit, id).toString()}
          onEdit={onEdit}
        />
      )}
      <p role="status">
        {page.items.length === 0
          ? ''
          : next
            ? t('admin.users.countMore', { count: page.items.length })
            : t('admin.users.count', { count: page.items.length })}
      </p>
      {(next || filters.cursor) && (
        <nav aria-label={t('admin.users.paginationLabel')} className="actions">
          {filters.cursor && (
            <Link className="button button-secondary" to={{ search: withCursor(sp, undefined).toString() }} onClick={onPage}>
              {t('common.pagination.first')}
            </Link>
          )}
          {next && (
            <Link className="button button-secondary" to={{ search: withCursor(sp, next).toString() }} onClick={onPage}>
              {t('common.pagination.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
