import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-client.ts';
import type { AuditTables } from './audit.tables.ts';
import { asAuditDb } from './audit.ts';
import { RECORD_NAME_FIELDS } from './audit-record-types.ts';

export interface AuditFilter {
  recordType?: string | undefined;
  actor?: string | undefined;
  /** Inclusive ISO dates, in UTC. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actorKind: string;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function listAuditEvents<DB extends AuditTables>(
  db: Kysely<DB>,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditEventRow[]> {
  let query = asAuditDb(db)
    .selectFrom('auditEvent')
    .select([
      'id',
      'occurredAt',
      'actorKind',
      'actorLabel',
      'action',
      'recordType',
      'recordId',
      'before',
      'after',
      'requestId',
    ]);
  if (filter.recordType) query = query.where('recordType', '=', filter.recordType);
  if (filter.actor) query = query.where('actorLabel', 'ilike', `%${escapeLike(filter.actor)}%`);
  if (filter.from) query = query.where('occurredAt', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to)
    query = query.where('occurredAt', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  return query.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function listAuditRecordTypes<DB extends AuditTables>(db: Kysely<DB>): Promise<string[]> {
  const rows = await asAuditDb(db)
    .selectFrom('auditEvent')
    .select('recordType')
    .distinct()
    .orderBy('recordType')
    .execute();
  return rows.map((row) => row.recordType);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Whether the connected role could switch off the audit trail's guard: it is a superuser, or it owns (or may
 * act as the owner of) the audit table, its guard function or the schema that holds them.
 */
export async function findAuditGuardHolder(client: SqlClient): Promise<{
  role: string;
  superuser: boolean;
  actsAsTableOwner: boolean;
  actsAsSchemaOwner: boolean;
} | null> {
  const rows = await client.query<{
    role: string;
    superuser: boolean;
    acts_as_table_owner: boolean;
    acts_as_schema_owner: boolean;
  }>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            pg_has_role(current_user, table_class.relowner, 'USAGE')
              OR pg_has_role(current_user, guard.proowner, 'USAGE') AS acts_as_table_owner,
            pg_has_role(current_user, schema.nspowner, 'USAGE') AS acts_as_schema_owner
       FROM pg_class table_class
       JOIN pg_namespace schema ON schema.oid = table_class.relnamespace
       JOIN pg_proc guard ON guard.proname = 'audit_event_refuse_change' AND guard.pronamespace = schema.oid
      WHERE table_class.oid = to_regclass('audit_event')`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    role: row.role,
    superuser: row.superuser,
    actsAsTableOwner: row.acts_as_table_owner,
    actsAsSchemaOwner: row.acts_as_schema_owner,
  };
}

/**
 * The latest name each of the given records was audited with (from its values before or after a change), so
 * the trail can say "Account 12: Jo Bloggs" even on an event that did not repeat the name.
 */
export async function listAuditRecordNames<DB extends AuditTables>(
  db: Kysely<DB>,
  records: { recordType: string; recordId: string }[],
): Promise<{ recordType: string; recordId: string; name: string }[]> {
  if (records.length === 0) return [];
  const nameOf = (column: 'after' | 'before') =>
    sql<string | null>`coalesce(${sql.join(
      RECORD_NAME_FIELDS.map((field) => sql`${sql.ref(column)}->>${field}`),
    )})`;
  const rows = await asAuditDb(db)
    .selectFrom('auditEvent')
    .select([
      'recordType',
      'recordId',
      sql<string>`coalesce(${nameOf('after')}, ${nameOf('before')})`.as('name'),
    ])
    .distinctOn(['recordType', 'recordId'])
    .where((eb) =>
      eb.or(
        records.map((record) =>
          eb.and([eb('recordType', '=', record.recordType), eb('recordId', '=', record.recordId)]),
        ),
      ),
    )
    .where(sql<boolean>`coalesce(${nameOf('after')}, ${nameOf('before')}) IS NOT NULL`)
    .orderBy('recordType')
    .orderBy('recordId')
    .orderBy('id', 'desc')
    .execute();
  return rows;
}
