import type { Generated } from 'kysely';
import type { AuditTables } from '../../kernel/audit/audit.tables.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';

export type BodyKind =
  | 'policing-body'
  | 'scrutiny-panel'
  | 'partner-organisation'
  | 'audit-committee'
  | 'partnership-board';

export interface AccountsTables {
  body: {
    id: Generated<number>;
    slug: string;
    name: string;
    kind: BodyKind;
    force_area_id: number | null;
    created_at: Generated<Date>;
  };
  app_user: {
    id: Generated<number>;
    email: string;
    display_name: string;
    password_hash: string | null;
    totp_secret: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: number | null;
    failed_sign_ins: Generated<number>;
    locked_until: Date | null;
    disabled_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  user_role: {
    id: Generated<number>;
    user_id: number;
    role: Role;
    body_id: number | null;
  };
  user_session: {
    token_hash: string;
    user_id: number;
    second_factor_passed: Generated<boolean>;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
  };
  password_link: {
    token_hash: string;
    user_id: number;
    purpose: 'set-password' | 'reset-password';
    created_at: Generated<Date>;
    expires_at: Date;
    used_at: Date | null;
  };
  api_token: {
    id: Generated<number>;
    name: string;
    token_hash: string;
    role: Role;
    body_id: number | null;
    created_by: string;
    created_at: Generated<Date>;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
  };
  outbox_message: {
    id: Generated<number>;
    recipient: string;
    subject: string;
    body_text: string;
    created_at: Generated<Date>;
    sent_at: Date | null;
    attempts: Generated<number>;
    last_error: string | null;
  };
}

/** The views accounts publishes for other domains to read (migration 0017, decision record 0004). */
export interface AccountsPublished {
  accounts_published_body: {
    id: number;
    slug: string;
    name: string;
    kind: BodyKind;
    force_area_id: number | null;
  };
}

/**
 * The outbox, which other domains write to in their own transaction — only through accounts' `queueMessage`,
 * so a message goes out exactly when the change that causes it commits.
 */
export type AccountsOutbox = Pick<AccountsTables, 'outbox_message'>;

/** What accounts' queries may read: its own tables and the audit trail. */
export type AccountsDb = DomainDb<AccountsTables & AuditTables>;
