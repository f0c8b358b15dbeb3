export { seedDemoAccounts } from './accounts.demo.ts';
export { ACCOUNTS_OPENAPI } from './accounts.openapi.ts';
export { ACCOUNTS_POLICY, type AccountsAction } from './accounts.policy.ts';
export { parseExpiry } from './accounts.schemas.ts';
export type { AccountsTables } from './accounts.tables.ts';
export { adminRoutes } from './admin.routes.ts';
export { type ApiTokensService, createApiTokensService } from './api-tokens.service.ts';
export { type AuditService, createAuditService } from './audit.service.ts';
export {
  deliverOutbox,
  logSender,
  type MessageSender,
  type OutgoingMessage,
  queueMessage,
} from './outbox.ts';
export { signInRoutes } from './sign-in.routes.ts';
export { createSignInService, type SignInService } from './sign-in.service.ts';
export { createUsersService, type UsersService } from './users.service.ts';
