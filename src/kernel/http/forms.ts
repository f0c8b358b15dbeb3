import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies, form bodies, CSRF protection on every change made from a browser, and rate limiting for the
 * routes that opt in (`config.rateLimit`). A request carrying an API token sends no cookies, so it cannot be
 * forged by another site and needs no CSRF token; nor does a JSON body, which another site's page can only
 * send after a CORS preflight that Peelian never grants.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** Served at an https address: every cookie is Secure, whatever a single request looks like. */
    secureCookiesOnly: boolean;
  }
}

export async function registerForms(
  app: FastifyInstance,
  options: { secret: string; secureCookiesOnly: boolean },
): Promise<void> {
  app.decorate('secureCookiesOnly', options.secureCookiesOnly);
  await app.register(cookie, { secret: options.secret });
  await app.register(formbody, { bodyLimit: 1_048_576 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'peelian_csrf',
    // Secure when Peelian's address is https, or else whenever the page was asked for over HTTPS (directly or
    // through a trusted proxy), as the session's is.
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: options.secureCookiesOnly ? true : 'auto',
    },
    getToken: (request: FastifyRequest) => {
      const body = request.body as { _csrf?: unknown } | undefined;
      const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
      const header = request.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });
  await app.register(rateLimit, { global: false });

  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!UNSAFE_METHODS.has(request.method) || request.authenticatedBy === 'token' || isJson(request))
      return done();
    app.csrfProtection(request, reply, done);
  });
}

function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
