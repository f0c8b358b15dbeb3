import type { Metrics } from '../../kernel/metrics/metrics.ts';
import { countUnsentMessages } from './accounts.queries.ts';
import type { AccountsDb } from './accounts.tables.ts';

/** The outbox's queue: messages waiting to be sent, and those given up on (the mail server kept refusing). */
export function registerOutboxMetrics(metrics: Metrics, db: AccountsDb) {
  metrics.gauge({
    name: 'peelian_outbox_unsent_messages',
    help: 'Messages in the outbox not yet sent, by whether sending was given up',
    labelNames: ['given_up'],
    read: async () => {
      const counts = await countUnsentMessages(db);
      return [false, true].map((givenUp) => ({
        labels: { given_up: String(givenUp) },
        value: counts.find((count) => count.givenUp === givenUp)?.messages ?? 0,
      }));
    },
  });
}
