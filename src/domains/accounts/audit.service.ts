import {
  type AuditFilter,
  listAuditEvents,
  listAuditRecordNames,
  listAuditRecordTypes,
} from '../../kernel/audit/audit.queries.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import type { AccountsDeps } from './accounts.deps.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: Pick<AccountsDeps, 'db' | 'policy'>) {
  function requireRead(actor: Actor) {
    if (!deps.policy.can(actor, 'audit:read')) throw new ForbiddenError();
  }

  async function listEvents(actor: Actor, filter: AuditFilter, page: number) {
    requireRead(actor);
    const rows = await listAuditEvents(deps.db, filter, {
      limit: AUDIT_PAGE_SIZE + 1,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    });
    const events = rows.slice(0, AUDIT_PAGE_SIZE);
    const names = await listAuditRecordNames(deps.db, events);
    return {
      events,
      hasNext: rows.length > AUDIT_PAGE_SIZE,
      recordTypes: await listAuditRecordTypes(deps.db),
      recordNames: new Map(names.map((row) => [`${row.recordType}:${row.recordId}`, row.name])),
    };
  }

  async function exportEvents(actor: Actor, filter: AuditFilter) {
    requireRead(actor);
    return listAuditEvents(deps.db, filter, { limit: AUDIT_EXPORT_LIMIT, offset: 0 });
  }

  return { listEvents, exportEvents };
}
