import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useI18n, useT } from '@/lib/i18n';
import { useTeams } from '../api/list-teams';
import { isUuid, TEAM_PARAMS, USER_PARAMS, withParam } from '../filters';
import type { Team } from '../team-form';
import { AdminOnly } from './admin-only';
import { CreateTeamForm } from './create-team-form';
import { RenameTeamForm } from './rename-team-form';
import { StatusRegion, statusOf, type StatusMessage } from './status-region';
import { useDocumentTitle } from './use-document-title';
import { usePendingFocus } from './use-focus';
import './admin.css';

const CREATE_BUTTON_ID = 'create-team-button';
const renameLinkId = (id: string) => `rename-team-${id}`;

/** /admin/teams: the team list, "Opret team", and "Omdøb team" (?omdoeb=<id>). */
export function TeamsPage() {
  const t = useT();
  const [sp] = useSearchParams();
  const renaming = isUuid(sp.get(TEAM_PARAMS.rename));
  useDocumentTitle(...(renaming ? [t('admin.teams.renameTitle'), t('admin.teams.title')] : [t('admin.teams.title')]));
  return (
    <>
      <PageHeading>{t('admin.teams.title')}</PageHeading>
      <AdminOnly>
        <TeamsAdmin />
      </AdminOnly>
    </>
  );
}

function TeamsAdmin() {
  const t = useT();
  const [sp, setSp] = useSearchParams();
  const renameId = sp.get(TEAM_PARAMS.rename);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<StatusMessage>(null);
  const focus = usePendingFocus();

  function closeRename(message: string | null) {
    const id = renameId ?? '';
    setStatus(message ? statusOf(message) : null);
    setSp(withParam(sp, TEAM_PARAMS.rename, null));
    focus(renameLinkId(id), CREATE_BUTTON_ID);
  }

  return (
    <>
      <StatusRegion message={status} />
      {isUuid(renameId) ? (
        <RenameTeamForm key={renameId} id={renameId} onDone={closeRename} />
      ) : (
        <>
          <p>{t('admin.teams.intro')}</p>
          {creating ? (
            <CreateTeamForm
              onCreated={(name) => {
                setCreating(false);
                setStatus(statusOf(t('admin.teams.created', { name })));
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
              {t('admin.teams.create')}
            </button>
          )}
          <TeamList
            renameSearch={(id) => withParam(sp, TEAM_PARAMS.rename, id).toString()}
            onRename={() => {
              setStatus(null);
              setCreating(false);
            }}
          />
        </>
      )}
    </>
  );
}

function TeamList({ renameSearch, onRename }: { renameSearch: (id: string) => string; onRename: () => void }) {
  const { t, lang } = useI18n();
  const teams = useTeams();
  if (teams.isPending) return <Spinner />;
  if (teams.error) return <ProblemAlert error={teams.error} />;
  const items: Team[] = teams.data.items;
  if (!items.length) return <p className="mt-5">{t('admin.teams.empty')}</p>;
  const date = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' });
  return (
    <>
      <div className="table--responsive-scroll admin-table-scroll mt-5" tabIndex={0} role="region" aria-labelledby="teams-caption" id="teams-table">
        <table className="table table--zebra">
          <caption id="teams-caption" className="align-text-left">
            {t('admin.teams.table.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.teams.table.name')}</th>
              <th scope="col">{t('admin.teams.table.created')}</th>
              <th scope="col">{t('admin.teams.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((tm) => (
              <tr key={tm.id}>
                <th scope="row">{tm.name}</th>
                <td>
                  <time dateTime={tm.created_at}>{date.format(new Date(tm.created_at))}</time>
                </td>
                <td>
                  <div className="admin-table-actions">
                    <Link id={renameLinkId(tm.id)} to={{ search: renameSearch(tm.id) }} onClick={onRename}>
                      {t('admin.teams.table.rename')}
                      <span className="sr-only"> {tm.name}</span>
                    </Link>
                    <Link to={{ pathname: '/admin/brugere', search: new URLSearchParams({ [USER_PARAMS.team]: tm.id }).toString() }}>
                      {t('admin.teams.table.members')}
                      <span className="sr-only"> {t('admin.teams.table.membersIn', { name: tm.name })}</span>
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status">{t('admin.teams.count', { count: items.length })}</p>
    </>
  );
}
