import type { Policy } from '../../kernel/auth/policy.ts';
import type { AccountsDb as Db } from './accounts.tables.ts';

/** What every accounts service needs; `now` is injectable so expiry and lockout can be tested. */
export interface AccountsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  /** Absolute base of links sent in messages, e.g. https://peelian.example. */
  baseUrl: string;
}
