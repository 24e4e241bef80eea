import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { translate, type MessageKey } from '@/lib/i18n';
import { readUserFilters, toUserListParams, withCursor, withUserFilters } from './filters';
import { formField, problemItems, USER_FIELD_ERRORS } from './problems';
import { isRole, ROLES, roleLabelKey, roleNeedsTeam } from './roles';
import { toTeamRequest, validateTeamName } from './team-form';
import {
  changedSince,
  emptyUserForm,
  isEmptyUpdate,
  toCreateUserRequest,
  toUpdateUserRequest,
  userToForm,
  validateUserForm,
  type User,
} from './user-form';

const da = (key: MessageKey, vars?: Record<string, string | number>) => translate('da', key, vars);

const saved: User = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'ane.holm@example.dk',
  name: 'Ane Holm',
  role: 'caseworker',
  teams: [
    { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'Team Nord' },
    { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: 'Team Syd' },
  ],
  active: true,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

describe('role labels', () => {
  it('names every role in plain Danish and English', () => {
    expect(ROLES.map((r) => translate('da', roleLabelKey(r)))).toEqual(['Rådgiver', 'Leder', 'Analytiker', 'Administrator']);
    expect(translate('en', roleLabelKey('caseworker'))).toBe('Caseworker');
    expect(translate('da', roleLabelKey('admin'))).toBe('Administrator');
  });
  it('knows the roles and which need a team', () => {
    expect(isRole('leader')).toBe(true);
    expect(isRole('boss')).toBe(false);
    expect(roleNeedsTeam('caseworker')).toBe(true);
    expect(roleNeedsTeam('leader')).toBe(true);
    expect(roleNeedsTeam('analyst')).toBe(false);
    expect(roleNeedsTeam('admin')).toBe(false);
  });
});

describe('user form → request', () => {
  it('checks the create form like the server does', () => {
    const issues = validateUserForm({ ...emptyUserForm(), email: 'not-an-email', role: 'leader', password: 'short' }, 'create');
    expect(issues).toEqual([
      { field: 'email', key: 'admin.errors.emailInvalid' },
      { field: 'name', key: 'admin.errors.nameRequired' },
      { field: 'team_ids', key: 'admin.errors.teamsRequired' },
      { field: 'password', key: 'admin.errors.passwordShort' },
    ]);
    expect(validateUserForm(emptyUserForm(), 'create').map((i) => i.field)).toEqual(['email', 'name', 'role', 'password']);
  });

  it('counts 12 characters, not bytes', () => {
    const v = { ...emptyUserForm(), email: 'a@b.dk', name: 'A', role: 'analyst' as const, password: 'æøåæøåæøåæøå' };
    expect(validateUserForm(v, 'create')).toEqual([]);
    expect(validateUserForm({ ...v, password: 'æøåæøåæøåæø' }, 'create')).toEqual([{ field: 'password', key: 'admin.errors.passwordShort' }]);
  });

  it('maps the create form to CreateUserRequest, trimmed', () => {
    expect(
      toCreateUserRequest({
        email: '  ane.holm@example.dk ',
        name: ' Ane Holm ',
        role: 'caseworker',
        team_ids: [saved.teams[0]!.id],
        password: ' twelve chars ',
        active: true,
      }),
    ).toEqual({ email: 'ane.holm@example.dk', name: 'Ane Holm', role: 'caseworker', team_ids: [saved.teams[0]!.id], password: ' twelve chars ' });
  });

  it('sends only what changed in the PATCH body', () => {
    const form = userToForm(saved);
    expect(form.password).toBe('');
    expect(isEmptyUpdate(toUpdateUserRequest(form, saved))).toBe(true);
    // Same teams in another order is no change.
    expect(toUpdateUserRequest({ ...form, team_ids: [...form.team_ids].reverse() }, saved)).toEqual({});
    expect(toUpdateUserRequest({ ...form, name: 'Ane Holm Berg ', active: false, password: 'a-new-password' }, saved)).toEqual({
      name: 'Ane Holm Berg',
      active: false,
      password: 'a-new-password',
    });
    expect(toUpdateUserRequest({ ...form, role: 'leader', team_ids: [saved.teams[1]!.id] }, saved)).toEqual({
      role: 'leader',
      team_ids: [saved.teams[1]!.id],
    });
    expect(validateUserForm({ ...form, password: '' }, 'edit')).toEqual([]);
  });

  it('lists what someone else changed (after a 412)', () => {
    const form = { ...userToForm(saved), name: 'Mine' };
    expect(changedSince(form, { ...saved, role: 'leader', active: false })).toEqual(['name', 'role', 'active']);
  });

  it('maps the team form', () => {
    expect(validateTeamName('  ')).toEqual([{ field: 'name', key: 'admin.errors.teamNameRequired' }]);
    expect(toTeamRequest(' Team Nord ')).toEqual({ name: 'Team Nord' });
  });
});

describe('user filters in the URL', () => {
  it('reads valid filters and ignores the rest', () => {
    const sp = new URLSearchParams({ team: saved.teams[0]!.id, rolle: 'leader', fra: 'abc' });
    expect(toUserListParams(readUserFilters(sp))).toEqual({ team_id: saved.teams[0]!.id, role: 'leader', cursor: 'abc' });
    expect(readUserFilters(new URLSearchParams({ team: 'x', rolle: 'boss' }))).toEqual({});
  });
  it('starts from the first page when a filter changes', () => {
    const sp = new URLSearchParams({ rolle: 'leader', fra: 'abc', rediger: 'x' });
    expect(withUserFilters(sp, { role: 'analyst' }).toString()).toBe('rolle=analyst&rediger=x');
    expect(withCursor(sp, 'next').get('fra')).toBe('next');
    expect(withCursor(sp, undefined).has('fra')).toBe(false);
  });
});

describe('server problems → error summary', () => {
  const ctx = { known: USER_FIELD_ERRORS, labels: { email: 'E-mail', name: 'Navn' }, fields: ['email', 'name', 'team_ids'], conflict: 'admin.errors.emailConflict' as const };
  const problem = (status: number, errors?: { field: string; message: string }[]) =>
    new ApiError(status, { type: 'x', title: 'T', status, detail: 'D', errors });

  it('puts a duplicate email at the email field, in Danish', () => {
    expect(problemItems(da, problem(409, [{ field: 'email', message: 'is already in use' }]), ctx)).toEqual([
      { field: 'email', message: 'Der findes allerede en bruger med den e-mail.' },
    ]);
  });
  it('keeps unknown wording with the field label, and list paths at the list', () => {
    expect(formField('team_ids[3]')).toBe('team_ids');
    expect(
      problemItems(
        da,
        problem(422, [
          { field: 'name', message: 'is odd' },
          { field: 'team_ids[0]', message: 'names a team that does not exist' },
          { field: 'password', message: 'is weird' },
        ]),
        ctx,
      ),
    ).toEqual([
      { field: 'name', message: 'Navn: is odd' },
      { field: 'team_ids', message: da('admin.errors.teamMissing') },
      { message: 'password: is weird' },
    ]);
  });
  it('says plainly what went wrong otherwise', () => {
    expect(problemItems(da, problem(403), ctx)).toEqual([{ message: da('common.errors.forbidden') }]);
    expect(problemItems(da, problem(409), ctx)).toEqual([{ message: da('admin.errors.emailConflict') }]);
    expect(problemItems(da, new TypeError('fetch failed'), ctx)).toEqual([{ message: da('common.errors.network') }]);
  });
});
