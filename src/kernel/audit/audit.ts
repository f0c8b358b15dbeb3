import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { type Actor, actorLabel } from '../auth/actor.ts';
import { narrowTo } from '../db/domain-db.ts';
import type { AuditTables } from './audit.tables.ts';

export interface AuditChange {
  action: 'create' | 'update' | 'delete';
  recordType: string;
  recordId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Secrets never enter the audit trail, whatever record they sit on. */
const SECRET_FIELDS = new Set([
  'password_hash',
  'passwordHash',
  'totp_secret',
  'totpSecret',
  'token_hash',
  'tokenHash',
]);

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the change and its record
 * commit or fail together.
 */
export async function recordAudit<DB extends AuditTables>(
  db: Kysely<DB>,
  actor: Actor,
  change: AuditChange,
  requestId?: string,
): Promise<void> {
  if (actor.kind === 'anonymous') throw new Error('An anonymous caller cannot change records');
  await asAuditDb(db)
    .insertInto('auditEvent')
    .values({
      actorKind: actor.kind,
      actorId: actor.kind === 'user' ? actor.userId : actor.kind === 'token' ? actor.tokenId : null,
      actorLabel: actorLabel(actor),
      action: change.action,
      recordType: change.recordType,
      recordId: String(change.recordId),
      before: toJson(change.before),
      after: toJson(change.after),
      requestId: requestId ?? null,
    })
    .execute();
}

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, inner) => (SECRET_FIELDS.has(key) ? '[secret]' : inner));
}

/** Any domain's database or transaction, as one that has the audit table (every domain's type includes it). */
export const asAuditDb = narrowTo<AuditTables>();

/**
 * Audits the change from `before` to `after` (undefined = the record did not / no longer exists), and only
 * if something changed: saving the same values again, as a repeated seed or import does, leaves no trace.
 */
export async function recordChange<DB extends AuditTables>(
  db: Kysely<DB>,
  actor: Actor,
  record: { type: string; id: string | number },
  before: object | undefined,
  after: object | undefined,
  requestId?: string,
): Promise<boolean> {
  if (isDeepStrictEqual(before, after)) return false;
  const action = before === undefined ? 'create' : after === undefined ? 'delete' : 'update';
  await recordAudit(
    db,
    actor,
    { action, recordType: record.type, recordId: record.id, before, after },
    requestId,
  );
  return true;
}
