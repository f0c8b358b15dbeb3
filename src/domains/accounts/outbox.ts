import type { Kysely } from 'kysely';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import {
  insertOutboxMessage,
  listUnsentMessages,
  markMessageFailed,
  markMessageSent,
} from './accounts.queries.ts';
import type { AccountsOutbox, AccountsDb as Db } from './accounts.tables.ts';

export interface OutgoingMessage {
  recipient: string;
  subject: string;
  bodyText: string;
}

/** Delivers a message: email in production; the demo sender writes it to the log. */
export interface MessageSender {
  deliver(message: OutgoingMessage): Promise<void>;
}

export function logSender(log: (entry: object, message: string) => void): MessageSender {
  return {
    async deliver(message) {
      log(
        { to: message.recipient, subject: message.subject, body: message.bodyText },
        'message (demo sender)',
      );
    },
  };
}

/**
 * Puts a message in the outbox. Give it the transaction of the change that causes it (see deliverOutbox).
 */
export function queueMessage<DB extends AccountsOutbox>(
  trx: Kysely<DB>,
  message: OutgoingMessage,
): Promise<void> {
  // Any domain's transaction whose database type includes the outbox may write to it; as with the audit trail
  // (asAuditDb), Kysely's types cannot say so of a transaction without a cast.
  return insertOutboxMessage(trx as unknown as DomainDb<AccountsOutbox>, message);
}

/**
 * Services write messages to the outbox in the same transaction as the change that causes them, so no
 * message goes out for a change that rolled back; this step delivers what is waiting.
 */
export async function deliverOutbox(
  db: Db,
  sender: MessageSender,
  now: () => Date,
): Promise<{ sent: number; failed: number }> {
  const messages = await listUnsentMessages(db, 50);
  let sent = 0;
  let failed = 0;
  for (const message of messages) {
    try {
      await sender.deliver(message);
      await markMessageSent(db, message.id, now());
      sent++;
    } catch (error) {
      await markMessageFailed(db, message.id, (error as Error).message.slice(0, 500));
      failed++;
    }
  }
  return { sent, failed };
}
