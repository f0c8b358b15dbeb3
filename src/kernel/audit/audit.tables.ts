import type { ColumnType, Generated } from 'kysely';

export interface AuditTables {
  audit_event: {
    id: Generated<number>;
    occurred_at: Generated<Date>;
    actor_kind: 'user' | 'token' | 'system';
    actor_id: number | null;
    actor_label: string;
    action: 'create' | 'update' | 'delete';
    record_type: string;
    record_id: string;
    before: ColumnType<unknown, string | null, never>;
    after: ColumnType<unknown, string | null, never>;
    request_id: string | null;
  };
}
