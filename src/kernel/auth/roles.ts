export const ROLES = [
  'admin',
  'opcc-officer',
  'force-analyst',
  'scrutiny-officer',
  'panel-member',
  'grant-applicant',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'opcc-officer': 'OPCC officer',
  'force-analyst': 'Force analyst',
  'scrutiny-officer': 'Scrutiny officer',
  'panel-member': 'Panel member',
  'grant-applicant': 'Grant applicant',
};

/** A role held over one body, or (administrators only) over the whole installation when bodyId is null. */
export interface RoleGrant {
  role: Role;
  bodyId: number | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
