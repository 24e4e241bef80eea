// The user list's filters and page live in the URL (?team=…&rolle=…&fra=…),
// so a filtered list can be bookmarked, shared and reached with Back.
import { isRole, type Role } from './roles';
import type { UserListParams } from './api/keys';

export const USER_PARAMS = { team: 'team', role: 'rolle', cursor: 'fra', edit: 'rediger' } as const;
export const TEAM_PARAMS = { rename: 'omdoeb' } as const;

export type UserFilters = { team?: string; role?: Role; cursor?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: string | null | undefined): v is string {
  return !!v && UUID.test(v);
}

/** Reads the filters; values the API would refuse are ignored, not sent. */
export function readUserFilters(sp: URLSearchParams): UserFilters {
  const out: UserFilters = {};
  const team = sp.get(USER_PARAMS.team);
  const role = sp.get(USER_PARAMS.role);
  const cursor = sp.get(USER_PARAMS.cursor);
  if (isUuid(team)) out.team = team;
  if (isRole(role)) out.role = role;
  if (cursor && cursor.length <= 500) out.cursor = cursor;
  return out;
}

/** The list query for the filters (only the parameters that are set). */
export function toUserListParams(f: UserFilters): UserListParams {
  const p: UserListParams = {};
  if (f.team) p.team_id = f.team;
  if (f.role) p.role = f.role;
  if (f.cursor) p.cursor = f.cursor;
  return p;
}

/**
 * New search params with the filters replaced. Changing a filter starts from
 * the first page; other parameters are kept.
 */
export function withUserFilters(sp: URLSearchParams, f: { team?: string; role?: string }): URLSearchParams {
  const next = new URLSearchParams(sp);
  next.delete(USER_PARAMS.cursor);
  for (const [key, value] of [
    [USER_PARAMS.team, f.team],
    [USER_PARAMS.role, f.role],
  ] as const) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** Search params for another page (no cursor: the first page). */
export function withCursor(sp: URLSearchParams, cursor: string | undefined): URLSearchParams {
  const next = new URLSearchParams(sp);
  if (cursor) next.set(USER_PARAMS.cursor, cursor);
  else next.delete(USER_PARAMS.cursor);
  return next;
}

/** Search params with one parameter set or removed, the rest kept. */
export function withParam(sp: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(sp);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}
