import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the accounts domain, for its routes, services, view models and tests. */
export const accountPaths = {
  signIn: pathTo('/sign-in'),
  secondFactor: pathTo('/sign-in/two-factor'),
  signOut: pathTo('/sign-out'),
  signedOut: pathTo('/signed-out'),
  forgotPassword: pathTo('/password/forgot'),
  setPassword: pathTo('/password/set/:token'),
  resetPassword: pathTo('/password/reset/:token'),
  account: pathTo('/account'),
  setUpSecondFactor: pathTo('/account/two-factor'),
  signOutEverywhere: pathTo('/account/sign-out-everywhere'),
  me: pathTo('/api/v1/me'),
  users: pathTo('/admin/users'),
  newUser: pathTo('/admin/users/new'),
  user: pathTo('/admin/users/:id'),
  grantRole: pathTo('/admin/users/:id/roles'),
  revokeRole: pathTo('/admin/users/:id/roles/remove'),
  disableUser: pathTo('/admin/users/:id/disable'),
  enableUser: pathTo('/admin/users/:id/enable'),
  audit: pathTo('/admin/audit'),
} as const;
