import { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import {
  type Command,
  type CommandContext,
  type DomainCommand,
  type DomainCommandContext,
  type OptionSpec,
  printResult,
  UsageError,
} from '../../kernel/cli/command.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { GrantSchema, NewTokenSchema, NewUserSchema, parseExpiry } from './accounts.schemas.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import type { UsersService } from './users.service.ts';

type AccountsCommandServices = { users: UsersService; apiTokens: ApiTokensService };

const ROLE_HELP = 'admin, opcc-officer, force-analyst, scrutiny-officer, panel-member or grant-applicant';
const USER_OPTIONS: OptionSpec = {
  email: { type: 'string' },
  role: { type: 'string' },
  body: { type: 'string' },
};

function required(options: CommandContext['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function optional(options: CommandContext['options'], name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function runUsersCreate({
  options,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<AccountsCommandServices>): Promise<void> {
  const email = required(options, 'email');
  const input = parseInput(NewUserSchema, {
    email,
    displayName: optional(options, 'name') ?? email.split('@')[0],
    role: required(options, 'role'),
    body: optional(options, 'body'),
  });
  await withServices(async (services) => {
    const created = await services.users.createUser(actor, input);
    stderr(
      `Created ${input.email} (user ${created.userId}). Give them this one-time link to choose a password (valid 7 days):`,
    );
    stdout(created.setPasswordUrl);
  });
}

export async function runUsersList({
  options,
  stdout,
  withServices,
  actor,
}: DomainCommandContext<AccountsCommandServices>): Promise<void> {
  await withServices(async (services) => {
    const users = await services.users.listUsersWithGrants(actor);
    printResult({ options, stdout }, users, (list) =>
      list.map((user) => {
        const roles = user.grants.map((grant) => `${grant.role}@${grant.bodySlug ?? '*'}`).join(',') || '-';
        const status = user.disabledAt ? 'disabled' : user.hasPassword ? 'active' : 'invited';
        return `${String(user.id).padStart(4)}  ${user.email.padEnd(36)} ${status.padEnd(8)} ${roles}`;
      }),
    );
  });
}

async function userIdByEmail(services: AccountsCommandServices, actor: Actor, email: string) {
  const users = await services.users.listUsersWithGrants(actor);
  const user = users.find((candidate) => candidate.email === email.toLowerCase());
  if (!user) throw new NotFoundError(`There is no account for ${email}.`);
  return user.id;
}

export function runUsersSetDisabled(disabled: boolean) {
  return async ({
    options,
    stderr,
    withServices,
    actor,
  }: DomainCommandContext<AccountsCommandServices>): Promise<void> => {
    const email = required(options, 'email');
    await withServices(async (services) => {
      await services.users.setDisabled(actor, await userIdByEmail(services, actor, email), disabled);
      stderr(`${disabled ? 'Disabled' : 'Enabled'} ${email}.`);
    });
  };
}

export function runUsersChangeRole(change: 'grant' | 'revoke') {
  return async ({
    options,
    stderr,
    withServices,
    actor,
  }: DomainCommandContext<AccountsCommandServices>): Promise<void> => {
    const email = required(options, 'email');
    const grant = parseInput(GrantSchema, {
      role: required(options, 'role'),
      body: optional(options, 'body'),
    });
    await withServices(async (services) => {
      const userId = await userIdByEmail(services, actor, email);
      if (change === 'grant') await services.users.grantRole(actor, userId, grant);
      else await services.users.revokeRole(actor, userId, grant);
      stderr(
        `${change === 'grant' ? 'Gave' : 'Removed'} ${grant.role}${grant.body ? ` for ${grant.body}` : ''} ${change === 'grant' ? 'to' : 'from'} ${email}.`,
      );
    });
  };
}

export async function runTokensCreate({
  options,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<AccountsCommandServices>): Promise<void> {
  let expiresInDays: number | null;
  try {
    expiresInDays = parseExpiry(optional(options, 'expires') ?? '90d');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const input = parseInput(NewTokenSchema, {
    name: required(options, 'name'),
    role: required(options, 'role'),
    body: optional(options, 'body'),
    expiresInDays,
  });
  await withServices(async (services) => {
    const created = await services.apiTokens.createToken(actor, input);
    const until = created.expiresAt
      ? `until ${created.expiresAt.toISOString().slice(0, 10)}`
      : 'with no expiry';
    stderr(
      `Created API token ${created.id} "${input.name}" (${input.role}) ${until}. It is shown only this once:`,
    );
    stdout(created.token);
  });
}

export async function runTokensList({
  options,
  stdout,
  withServices,
  actor,
}: DomainCommandContext<AccountsCommandServices>): Promise<void> {
  await withServices(async (services) => {
    const tokens = await services.apiTokens.listTokens(actor);
    printResult({ options, stdout }, tokens, (list) =>
      list.map((token) => {
        const state = token.revokedAt
          ? 'revoked'
          : token.expiresAt && token.expiresAt <= new Date()
            ? 'expired'
            : 'active';
        const expires = token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : 'never';
        return `${String(token.id).padStart(4)}  ${token.name.padEnd(28)} ${token.role}@${token.bodySlug ?? '*'}  ${state}  expires ${expires}`;
      }),
    );
  });
}

export async function runTokensRevoke({
  positionals,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<AccountsCommandServices>): Promise<void> {
  const id = z.coerce.number().int().positive().safeParse(positionals[0]);
  if (!id.success)
    throw new UsageError('Give the id of the token to revoke, as listed by peelian tokens list.');
  await withServices(async (services) => {
    await services.apiTokens.revokeToken(actor, id.data);
    stderr(`Revoked API token ${id.data}.`);
  });
}

const JSON_OUTPUT = {
  options: { json: { type: 'boolean' } },
  optionHelp: ['--json    print JSON instead of a table'],
} satisfies Pick<Command, 'options' | 'optionHelp'>;

/** `users disable` / `users enable`. */
function switchAccountCommand(disabled: boolean): DomainCommand<AccountsCommandServices> {
  const word = disabled ? 'disable' : 'enable';
  return {
    words: ['users', word],
    summary: disabled ? 'Disable an account and end its sessions' : 'Enable a disabled account',
    usage: `peelian users ${word} --email <email>`,
    options: { email: { type: 'string' } },
    optionHelp: [`--email <email>    the account to ${word}`],
    run: runUsersSetDisabled(disabled),
  };
}

/** `users grant` / `users revoke`. */
function changeRoleCommand(change: 'grant' | 'revoke'): DomainCommand<AccountsCommandServices> {
  return {
    words: ['users', change],
    summary: change === 'grant' ? 'Give an account a role' : 'Take a role away from an account',
    usage: `peelian users ${change} --email <email> --role <role> [--body <slug>]`,
    options: USER_OPTIONS,
    optionHelp: [
      '--email <email>',
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for',
    ],
    run: runUsersChangeRole(change),
  };
}

/** The commands this domain adds to `peelian`. */
export const ACCOUNTS_COMMANDS: DomainCommand<AccountsCommandServices>[] = [
  {
    words: ['users', 'create'],
    summary: 'Create an account; prints a one-time link to set its password',
    usage: 'peelian users create --email <email> --role <role> [--body <slug>] [--name <name>]',
    options: { ...USER_OPTIONS, name: { type: 'string' } },
    optionHelp: [
      "--email <email>    the person's email address",
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for (every role but an installation-wide admin)',
      '--name <name>      their name as shown (defaults to the start of the email address)',
    ],
    run: runUsersCreate,
  },
  {
    words: ['users', 'list'],
    summary: 'List accounts with their roles',
    usage: 'peelian users list [--json]',
    ...JSON_OUTPUT,
    run: runUsersList,
  },
  switchAccountCommand(true),
  switchAccountCommand(false),
  changeRoleCommand('grant'),
  changeRoleCommand('revoke'),
  {
    words: ['tokens', 'create'],
    summary: 'Create an API token; prints only the token on stdout',
    usage: 'peelian tokens create --name <name> --role <role> [--body <slug>] [--expires 90d]',
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      body: { type: 'string' },
      expires: { type: 'string' },
    },
    optionHelp: [
      '--name <name>      what the token is for, e.g. "force data feed"',
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for',
      '--expires <time>   how long it lasts: 90d (default), 12w, 6m, 1y or never',
    ],
    run: runTokensCreate,
  },
  {
    words: ['tokens', 'list'],
    summary: 'List API tokens (never the tokens themselves)',
    usage: 'peelian tokens list [--json]',
    ...JSON_OUTPUT,
    run: runTokensList,
  },
  {
    words: ['tokens', 'revoke'],
    summary: 'Revoke an API token at once',
    usage: 'peelian tokens revoke <id>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runTokensRevoke,
  },
];
