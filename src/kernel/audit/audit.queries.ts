import type { Kysely } from 'kysely';
import type { AuditTables } from './audit.tables.ts';
import { asAuditDb } from './audit.ts';

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
    .selectFrom('audit_event')
    .select([
      'id',
      'occurred_at as occurredAt',
      'actor_kind as actorKind',
      'actor_label as actorLabel',
      'action',
      'record_type as recordType',
      'record_id as recordId',
      'before',
      'after',
      'request_id as requestId',
    ]);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.actor) query = query.where('actor_label', 'ilike', `%${escapeLike(filter.actor)}%`);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to)
    query = query.where('occurred_at', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  return query.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function listAuditRecordTypes<DB extends AuditTables>(db: Kysely<DB>): Promise<string[]> {
  const rows = await asAuditDb(db)
    .selectFrom('audit_event')
    .select('record_type')
    .distinct()
    .orderBy('record_type')
    .execute();
  return rows.map((row) => row.record_type);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
