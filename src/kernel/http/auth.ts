import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, ANONYMOUS } from '../auth/actor.ts';
import type { Policy } from '../auth/policy.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/**
 * What a route requires: 'public' (anyone, e.g. the sign-in form), 'signed-in' (any complete sign-in), or a
 * policy action such as 'users:manage'. Every route must declare one; a route without fails at start-up.
 */
export type Permission = 'public' | 'signed-in' | (string & {});

/** A route's options declaring what it requires: `app.get(path, requires('plans:edit'), handler)`. */
export function requires(permission: Permission) {
  return { config: { permission } } as const;
}

/** For a route anyone may call. */
export const PUBLIC = requires('public');

export type PendingSignIn = { kind: 'second-factor' | 'set-up-second-factor'; userId: number; email: string };

export type SessionLookup = { kind: 'signed-in'; actor: Actor } | PendingSignIn | null;

export interface Authenticator {
  bearer(token: string): Promise<{ ok: true; actor: Actor } | { ok: false; reason: string }>;
  session(token: string): Promise<SessionLookup>;
}

export const SESSION_COOKIE = 'peelian_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** A sign-in that has passed its password but still needs its second factor. */
    pendingSignIn: PendingSignIn | null;
    sessionToken: string | null;
    authenticatedBy: 'session' | 'token' | null;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** Every route with the permission it declared, for tests that prove none is unguarded. */
    declaredRoutes: { method: string; url: string; permission: Permission }[];
  }
}

export class BearerTokenError extends UnauthenticatedError {}

export function registerAuthentication(
  app: FastifyInstance,
  deps: { authenticator: Authenticator; policy: Policy },
) {
  // Set for every request by the onRequest hook below; Fastify wants a null default for objects.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('pendingSignIn', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('authenticatedBy', null);

  app.decorate('declaredRoutes', []);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission)
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.permission`);
    for (const method of [route.method].flat())
      app.declaredRoutes.push({ method, url: route.url, permission });
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
      if (!match?.[1]) throw new BearerTokenError('The Authorization header must be "Bearer <token>"');
      const result = await deps.authenticator.bearer(match[1]);
      if (!result.ok) throw new BearerTokenError(result.reason);
      request.actor = result.actor;
      request.authenticatedBy = 'token';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await deps.authenticator.session(token);
    if (!session) return;
    request.sessionToken = token;
    // What a signed-in page shows is that person's; no browser history, shared computer or proxy should keep it.
    // A handler serving something public and fingerprinted (assets) may still say otherwise.
    reply.header('Cache-Control', 'no-store');
    if (session.kind === 'signed-in') {
      request.actor = session.actor;
      request.authenticatedBy = 'session';
    } else {
      request.pendingSignIn = session;
    }
  });

  app.addHook('preHandler', async (request) => {
    enforcePermission(request, deps.policy);
  });
}

function enforcePermission(request: FastifyRequest, policy: Policy) {
  // An address that matches no route gets its 404 whoever asks.
  if (request.is404) return;
  const permission = request.routeOptions.config.permission;
  if (permission === 'public') return;
  if (request.actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (permission === 'signed-in') return;
  if (!permission || !policy.can(request.actor, permission)) throw new ForbiddenError();
}

/** Cookie settings for the session: not readable by scripts, not sent cross-site, HTTPS-only when served so. */
export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.server.secureCookiesOnly || request.protocol === 'https',
    maxAge: maxAgeSeconds,
  };
}
