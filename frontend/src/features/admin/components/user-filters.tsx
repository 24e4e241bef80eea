import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useTeams } from '../api/list-teams';
import type { UserFilters as Filters } from '../filters';
import { ROLES, roleLabelKey } from '../roles';

/**
 * Team and role filters. They apply when the form is submitted (not on every
 * change of a select), so keyboard users can move through the options freely.
 */
export function UserFilters({
  filters,
  onApply,
  clearTo,
  onClear,
}: {
  filters: Filters;
  onApply: (f: { team: string; role: string }) => void;
  /** Search string of the unfiltered list, for the "Fjern filtre" link. */
  clearTo: string;
  onClear: () => void;
}) {
  const t = useT();
  const teams = useTeams();
  const [team, setTeam] = useState(filters.team ?? '');
  const [role, setRole] = useState<string>(filters.role ?? '');
  // Follow the URL (Back, or a link to a team's users).
  useEffect(() => {
    setTeam(filters.team ?? '');
    setRole(filters.role ?? '');
  }, [filters.team, filters.role]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ team, role });
  }

  const filtered = !!(filters.team || filters.role);
  return (
    <form className="admin-filters" role="search" aria-labelledby="user-filter-heading" onSubmit={submit}>
      <h2 id="user-filter-heading" className="h3">
        {t('admin.users.filter.heading')}
      </h2>
      <div className="form-group">
        <label className="form-label" htmlFor="filter-team">
          {t('admin.users.filter.team')}
        </label>
        <select id="filter-team" name="team" className="form-select" value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">{t('admin.users.filter.allTeams')}</option>
          {teams.data?.items.map((tm) => (
            <option key={tm.id} value={tm.id}>
              {tm.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="filter-role">
          {t('admin.users.filter.role')}
        </label>
        <select id="filter-role" name="rolle" className="form-select" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('admin.users.filter.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(roleLabelKey(r))}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button button-secondary">
          {t('admin.users.filter.submit')}
        </button>
        {filtered && <Link to={{ search: clearTo }} onClick={onClear}>{t('admin.users.filter.clear')}</Link>}
      </div>
    </form>
  );
}
