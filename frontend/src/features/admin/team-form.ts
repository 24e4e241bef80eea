// The team forms: one name. Pure helpers, like user-form.ts.
import type { Schemas } from '@/lib/api/client';
import type { FieldIssue } from './user-form';

export type Team = Schemas['Team'];
export type TeamRequest = Schemas['TeamRequest'];

export function validateTeamName(name: string): FieldIssue[] {
  const n = name.trim();
  if (!n) return [{ field: 'name', key: 'admin.errors.teamNameRequired' }];
  if ([...n].length > 200) return [{ field: 'name', key: 'admin.errors.teamNameTooLong' }];
  return [];
}

export function toTeamRequest(name: string): TeamRequest {
  return { name: name.trim() };
}
