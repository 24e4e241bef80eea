// Roles as the API names them, in the order the screens list them, with their
// label keys. The role type comes from the generated schema.
import type { Schemas } from '@/lib/api/client';
import type { MessageKey } from '@/lib/i18n';

export type Role = Schemas['User']['role'];

/** Every role, most common first (the order of selects and filters). */
export const ROLES = ['caseworker', 'leader', 'analyst', 'admin'] as const satisfies readonly Role[];

// A role added to the API must be added above: this fails to compile otherwise.
type MissingRole = Exclude<Role, (typeof ROLES)[number]>;
const allRolesListed: [MissingRole] extends [never] ? true : never = true;
void allRolesListed;

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** Message key of a role's label ("Rådgiver" for caseworker). */
export function roleLabelKey(role: Role): MessageKey {
  return `admin.roles.${role}`;
}

/** Leaders and caseworkers work in teams and must belong to at least one. */
export function roleNeedsTeam(role: Role | ''): boolean {
  return role === 'leader' || role === 'caseworker';
}
