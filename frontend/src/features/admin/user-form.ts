// What the user forms hold, how they are checked before sending, and how they
// become API requests. Pure functions: the components translate the message
// keys and send the requests.
import type { Schemas } from '@/lib/api/client';
import type { MessageKey } from '@/lib/i18n';
import { roleNeedsTeam, type Role } from './roles';

export type User = Schemas['User'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type UpdateUserRequest = Schemas['UpdateUserRequest'];

export type UserFormValues = {
  email: string;
  name: string;
  role: Role | '';
  team_ids: string[];
  password: string;
  active: boolean;
};

/** A problem found before sending, at an API field path. */
export type FieldIssue = { field: string; key: MessageKey };

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_BYTES = 256;
const MAX_NAME = 200;
const MAX_TEAMS = 50;

export function emptyUserForm(): UserFormValues {
  return { email: '', name: '', role: '', team_ids: [], password: '', active: true };
}

/** The edit form's starting point: the user as saved (no password). */
export function userToForm(u: User): UserFormValues {
  return { email: u.email, name: u.name, role: u.role, team_ids: u.teams.map((t) => t.id), password: '', active: u.active };
}

const chars = (s: string) => [...s].length;
const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Checks what the server would refuse anyway, so the common mistakes are
 * caught without a round trip. The server stays the authority: whatever it
 * answers is shown too.
 */
export function validateUserForm(v: UserFormValues, mode: 'create' | 'edit'): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (mode === 'create') {
    const email = v.email.trim();
    if (!email) out.push({ field: 'email', key: 'admin.errors.emailRequired' });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) out.push({ field: 'email', key: 'admin.errors.emailInvalid' });
  }
  const name = v.name.trim();
  if (!name) out.push({ field: 'name', key: 'admin.errors.nameRequired' });
  else if (chars(name) > MAX_NAME) out.push({ field: 'name', key: 'admin.errors.nameTooLong' });
  if (!v.role) out.push({ field: 'role', key: 'admin.errors.roleRequired' });
  if (roleNeedsTeam(v.role) && v.team_ids.length === 0) out.push({ field: 'team_ids', key: 'admin.errors.teamsRequired' });
  if (v.team_ids.length > MAX_TEAMS) out.push({ field: 'team_ids', key: 'admin.errors.teamsTooMany' });
  if (mode === 'create' && !v.password) out.push({ field: 'password', key: 'admin.errors.passwordRequired' });
  else if (v.password && chars(v.password) < MIN_PASSWORD_LENGTH) out.push({ field: 'password', key: 'admin.errors.passwordShort' });
  else if (bytes(v.password) > MAX_PASSWORD_BYTES) out.push({ field: 'password', key: 'admin.errors.passwordLong' });
  return out;
}

/** The create request. Call after validateUserForm found nothing (a role is chosen). */
export function toCreateUserRequest(v: UserFormValues & { role: Role }): CreateUserRequest {
  return {
    email: v.email.trim(),
    name: v.name.trim(),
    role: v.role,
    team_ids: [...v.team_ids],
    password: v.password,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/**
 * The PATCH body: only what differs from the saved user (absent fields are
 * left as they are), and a password only when one was typed. An empty object
 * means nothing changed.
 */
export function toUpdateUserRequest(v: UserFormValues, saved: User): UpdateUserRequest {
  const out: UpdateUserRequest = {};
  const name = v.name.trim();
  if (name !== saved.name) out.name = name;
  if (v.role && v.role !== saved.role) out.role = v.role;
  const savedTeams = saved.teams.map((t) => t.id);
  if (!sameSet(v.team_ids, savedTeams)) out.team_ids = [...v.team_ids];
  if (v.active !== saved.active) out.active = v.active;
  if (v.password) out.password = v.password;
  return out;
}

export function isEmptyUpdate(body: UpdateUserRequest): boolean {
  return Object.keys(body).length === 0;
}

/** Fields where the saved user now differs from the form (after a 412 reload). */
export function changedSince(v: UserFormValues, saved: User): Array<'name' | 'role' | 'team_ids' | 'active'> {
  const out: Array<'name' | 'role' | 'team_ids' | 'active'> = [];
  if (v.name.trim() !== saved.name) out.push('name');
  if (v.role !== saved.role) out.push('role');
  if (!sameSet(v.team_ids, saved.teams.map((t) => t.id))) out.push('team_ids');
  if (v.active !== saved.active) out.push('active');
  return out;
}
