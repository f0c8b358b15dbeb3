import type { AreasService } from '../areas/index.ts';
import { defineDomain } from '../module.ts';
import { ACCOUNTS_COMMANDS } from './accounts.cli.ts';
import { seedDemoAccounts } from './accounts.demo.ts';
import { registerOutboxMetrics } from './accounts.metrics.ts';
import { ACCOUNTS_OPENAPI } from './accounts.openapi.ts';
import { accountPaths } from './accounts.paths.ts';
import { ACCOUNTS_POLICY } from './accounts.policy.ts';
import { adminRoutes } from './admin.routes.ts';
import { createApiTokensService } from './api-tokens.service.ts';
import { createAuditService } from './audit.service.ts';
import { signInRoutes } from './sign-in.routes.ts';
import { createSignInService } from './sign-in.service.ts';
import { createUsersService } from './users.service.ts';

export type { AccountsOutbox, AccountsPublished, AccountsTables, BodyKind } from './accounts.tables.ts';
export {
  deliverOutbox,
  logSender,
  type MessageSender,
  type OutgoingMessage,
  queueMessage,
} from './outbox.ts';
export type { UsersService } from './users.service.ts';

/** People, roles on bodies, sign-in, API tokens and the audit trail. */
export const accountsDomain = defineDomain({
  name: 'accounts',
  policy: ACCOUNTS_POLICY,
  navigation: [{ href: accountPaths.users(), text: 'Admin', permission: 'users:manage', position: 90 }],
  build: ({ db, policy, now, baseUrl, metrics }, _needs: { areas: AreasService }) => {
    const deps = { db, policy, now, baseUrl };
    registerOutboxMetrics(metrics, db);
    return {
      users: createUsersService(deps),
      signIn: createSignInService(deps),
      apiTokens: createApiTokensService(deps),
      audit: createAuditService(deps),
    };
  },
  routes: ({ users, signIn, audit }) => [signInRoutes({ signIn }), adminRoutes({ users, signIn, audit })],
  openApi: [ACCOUNTS_OPENAPI],
  commands: ACCOUNTS_COMMANDS,
  seedDemo: async ({ areas, users }, { actor, db }) => {
    const thamesValley = await areas.findForceArea('thames-valley');
    if (!thamesValley) throw new Error('The Thames Valley demo force area is missing');
    const { people } = await seedDemoAccounts(db, users, actor, thamesValley.id);
    if (people.length === 0) return {};
    return {
      notes: [
        "Demo accounts created. Each link below sets that account's password; it works once, for 7 days, and is shown only now:",
        ...people.map(
          (person) => `  ${person.role.padEnd(17)} ${person.email.padEnd(34)} ${person.setPasswordUrl}`,
        ),
        'The administrator must also set up an authenticator app at first sign-in.',
      ],
    };
  },
});
