import type { ColumnType } from 'kysely';
import type { Database, Json, Narrowed } from '../db/table-types.ts';

/** The append-only audit trail every domain writes to (through `recordChange`). */
export interface AuditTables
  extends Narrowed<
    Pick<Database, 'auditEvent'>,
    {
      auditEvent: {
        actorKind: 'user' | 'token' | 'system';
        action: 'create' | 'update' | 'delete';
        // Written as JSON text, read back as the JSON recorded.
        before: ColumnType<Json | null, string | null, never>;
        after: ColumnType<Json | null, string | null, never>;
      };
    }
  > {}
