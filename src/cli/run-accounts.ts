import { z } from 'zod';
import {
  GrantSchema,
  NewTokenSchema,
  NewUserSchema,
  parseExpiry,
} from '../domains/accounts/accounts.schemas.ts';
import { NotFoundError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/http/form-validation.ts';
import { type CommandContext, UsageError } from './command.ts';
import { cliActor, withDatabase } from './with-database.ts';

function required(options: CommandContext['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function optional(options: CommandContext['options'], name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function runUsersCreate({ options, stdout, stderr }: CommandContext): Promise<void> {
  const email = required(options, 'email');
  const input = parseInput(NewUserSchema, {
    email,
    displayName: optional(options, 'name') ?? email.split('@')[0],
    role: required(options, 'role'),
    body: optional(options, 'body'),
  });
  await withDatabase(async ({ services }) => {
    const created = await services.users.createUser(cliActor(), input);
    stderr(
      `Created ${input.email} (user ${created.userId}). Give them this one-time link to choose a password (valid 7 days):`,
    );
    stdout(created.setPasswordUrl);
  });
}

export async function runUsersList({ options, stdout }: CommandContext): Promise<void> {
  await withDatabase(async ({ services }) => {
    const users = await services.users.listUsersWithGrants(cliActor());
    if (options.json) {
      stdout(JSON.stringify(users, null, 2));
      return;
    }
    for (const user of users) {
      const roles = user.grants.map((grant) => `${grant.role}@${grant.bodySlug ?? '*'}`).join(',') || '-';
      const status = user.disabledAt ? 'disabled' : user.hasPassword ? 'active' : 'invited';
      stdout(`${String(user.id).padStart(4)}  ${user.email.padEnd(36)} ${status.padEnd(8)} ${roles}`);
    }
  });
}

async function userIdByEmail(
  services: Parameters<Parameters<typeof withDatabase>[0]>[0]['services'],
  email: string,
) {
  const users = await services.users.listUsersWithGrants(cliActor());
  const user = users.find((candidate) => candidate.email === email.toLowerCase());
  if (!user) throw new NotFoundError(`There is no account for ${email}.`);
  return user.id;
}

export function runUsersSetDisabled(disabled: boolean) {
  return async ({ options, stderr }: CommandContext): Promise<void> => {
    const email = required(options, 'email');
    await withDatabase(async ({ services }) => {
      await services.users.setDisabled(cliActor(), await userIdByEmail(services, email), disabled);
      stderr(`${disabled ? 'Disabled' : 'Enabled'} ${email}.`);
    });
  };
}

export function runUsersChangeRole(change: 'grant' | 'revoke') {
  return async ({ options, stderr }: CommandContext): Promise<void> => {
    const email = required(options, 'email');
    const grant = parseInput(GrantSchema, {
      role: required(options, 'role'),
      body: optional(options, 'body'),
    });
    await withDatabase(async ({ services }) => {
      const userId = await userIdByEmail(services, email);
      if (change === 'grant') await services.users.grantRole(cliActor(), userId, grant);
      else await services.users.revokeRole(cliActor(), userId, grant);
      stderr(
        `${change === 'grant' ? 'Gave' : 'Removed'} ${grant.role}${grant.body ? ` for ${grant.body}` : ''} ${change === 'grant' ? 'to' : 'from'} ${email}.`,
      );
    });
  };
}

export async function runTokensCreate({ options, stdout, stderr }: CommandContext): Promise<void> {
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
  await withDatabase(async ({ services }) => {
    const created = await services.apiTokens.createToken(cliActor(), input);
    const until = created.expiresAt
      ? `until ${created.expiresAt.toISOString().slice(0, 10)}`
      : 'with no expiry';
    stderr(
      `Created API token ${created.id} "${input.name}" (${input.role}) ${until}. It is shown only this once:`,
    );
    stdout(created.token);
  });
}

export async function runTokensList({ options, stdout }: CommandContext): Promise<void> {
  await withDatabase(async ({ services }) => {
    const tokens = await services.apiTokens.listTokens(cliActor());
    if (options.json) {
      stdout(JSON.stringify(tokens, null, 2));
      return;
    }
    for (const token of tokens) {
      const state = token.revokedAt
        ? 'revoked'
        : token.expiresAt && token.expiresAt <= new Date()
          ? 'expired'
          : 'active';
      const expires = token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : 'never';
      stdout(
        `${String(token.id).padStart(4)}  ${token.name.padEnd(28)} ${token.role}@${token.bodySlug ?? '*'}  ${state}  expires ${expires}`,
      );
    }
  });
}

export async function runTokensRevoke({ positionals, stderr }: CommandContext): Promise<void> {
  const id = z.coerce.number().int().positive().safeParse(positionals[0]);
  if (!id.success)
    throw new UsageError('Give the id of the token to revoke, as listed by peelian tokens list.');
  await withDatabase(async ({ services }) => {
    await services.apiTokens.revokeToken(cliActor(), id.data);
    stderr(`Revoked API token ${id.data}.`);
  });
}
