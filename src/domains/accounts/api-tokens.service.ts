import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import {
  findApiTokenByHash,
  findApiTokenById,
  findBodyBySlug,
  insertApiToken,
  listApiTokens,
  updateApiToken,
} from './accounts.queries.ts';
import type { NewToken } from './accounts.schemas.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';

/** Every token starts with this, so one found in a log or a repository is recognisable (and scannable). */
const TOKEN_PREFIX = 'pln_';
const TOKEN_SHAPE = /^pln_[A-Za-z0-9_-]{43}$/;

export type BearerResult = { ok: true; actor: Actor & { kind: 'token' } } | { ok: false; reason: string };

export type ApiTokensService = ReturnType<typeof createApiTokensService>;

export function createApiTokensService(deps: AccountsDeps) {
  const { db, policy } = deps;

  function requireManage(actor: Actor) {
    if (!policy.can(actor, 'tokens:manage')) throw new ForbiddenError();
  }

  /** Creates a token and returns it in clear this once; only its hash is kept. */
  async function createToken(
    actor: Actor,
    input: NewToken,
  ): Promise<{ id: number; token: string; expiresAt: Date | null }> {
    requireManage(actor);
    let bodyId: number | null = null;
    if (input.body) {
      const body = await findBodyBySlug(db, input.body);
      if (!body)
        throw new ValidationError([{ field: 'body', message: `There is no body called ${input.body}` }]);
      bodyId = body.id;
    } else if (input.role !== 'admin') {
      throw new ValidationError([
        { field: 'body', message: 'Give the body this role is for (--body <slug>)' },
      ]);
    }
    const token = newSecretToken(TOKEN_PREFIX);
    const expiresAt =
      input.expiresInDays === null ? null : new Date(deps.now().getTime() + input.expiresInDays * 86_400_000);
    const id = await db.transaction().execute(async (trx) => {
      const created = await insertApiToken(trx, {
        name: input.name,
        tokenHash: hashSecretToken(token),
        role: input.role,
        bodyId,
        createdBy: actorLabel(actor),
        expiresAt,
      });
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'api_token',
        recordId: created,
        after: { name: input.name, role: input.role, bodyId, expiresAt },
      });
      return created;
    });
    return { id, token, expiresAt };
  }

  async function listTokens(actor: Actor) {
    requireManage(actor);
    return listApiTokens(db);
  }

  async function revokeToken(actor: Actor, id: number): Promise<void> {
    requireManage(actor);
    await db.transaction().execute(async (trx) => {
      const token = await findApiTokenById(trx, id);
      if (!token) throw new NotFoundError(`There is no API token with id ${id}`);
      if (token.revokedAt) return;
      const revokedAt = deps.now();
      await updateApiToken(trx, id, { revokedAt });
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'api_token',
        recordId: id,
        after: { revokedAt },
      });
    });
  }

  /** The actor behind an `Authorization: Bearer` token, or why it was refused. */
  async function authenticateBearer(token: string): Promise<BearerResult> {
    if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'The API token is malformed' };
    const row = await findApiTokenByHash(db, hashSecretToken(token));
    const now = deps.now();
    if (!row) return { ok: false, reason: 'The API token is not recognised' };
    if (row.revokedAt) return { ok: false, reason: 'The API token has been revoked' };
    if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'The API token has expired' };
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await updateApiToken(db, row.id, { lastUsedAt: now });
    }
    return {
      ok: true,
      actor: {
        kind: 'token',
        tokenId: row.id,
        name: row.name,
        grants: [{ role: row.role, bodyId: row.bodyId }],
      },
    };
  }

  return { createToken, listTokens, revokeToken, authenticateBearer };
}
