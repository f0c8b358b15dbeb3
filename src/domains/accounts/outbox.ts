import type { Kysely } from 'kysely';
import { narrowTo } from '../../kernel/db/domain-db.ts';
import { insertOutboxMessage, listUnsentMessages, recordDeliveryAttempt } from './accounts.queries.ts';
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

/** Any domain's database or transaction whose type includes the outbox, as one that has only the outbox. */
const asOutboxDb = narrowTo<AccountsOutbox>();

/**
 * Puts a message in the outbox. Give it the transaction of the change that causes it (see deliverOutbox).
 */
export function queueMessage<DB extends AccountsOutbox>(
  trx: Kysely<DB>,
  message: OutgoingMessage,
): Promise<void> {
  return insertOutboxMessage(asOutboxDb(trx), message);
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
      await recordDeliveryAttempt(db, message.id, { sentAt: now() });
      sent++;
    } catch (error) {
      await recordDeliveryAttempt(db, message.id, { lastError: (error as Error).message.slice(0, 500) });
      failed++;
    }
  }
  return { sent, failed };
}
