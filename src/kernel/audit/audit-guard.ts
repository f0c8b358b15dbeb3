import type { SqlClient } from '../db/sql-client.ts';
import { findAuditGuardHolder } from './audit.queries.ts';

export const AUDIT_OWNER_GUIDE = 'docs/postgresql/audit-owner.sql';

/**
 * On PostgreSQL, a warning when the role Peelian connects as could rewrite the audit trail (the trigger only
 * stops roles that cannot alter the table); null when it cannot. The embedded database has no roles: one
 * process holds it, so there is nothing to check (the README says what that means).
 */
export async function auditGuardWarning(
  sql: SqlClient,
  engine: 'pglite' | 'postgresql',
): Promise<string | null> {
  if (engine !== 'postgresql') return null;
  const holder = await findAuditGuardHolder(sql);
  if (!holder) return null;
  const reasons = [
    holder.superuser ? 'is a superuser' : null,
    holder.actsAsTableOwner ? 'owns the audit table or its guard' : null,
    holder.actsAsSchemaOwner ? 'owns the schema that holds them' : null,
  ].filter((reason): reason is string => reason !== null);
  if (reasons.length === 0) return null;
  return (
    `Warning: the database role ${holder.role} ${reasons.join(' and ')}, so it could switch off the audit ` +
    `trail's protection and change its records. Give the audit table its own owner: see ${AUDIT_OWNER_GUIDE}.`
  );
}
