import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../kernel/errors.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../kernel/http/auth.ts';
import { parseInput, toFormErrors } from '../../kernel/http/form-validation.ts';
import { limitPerKey } from '../../kernel/http/rate-limits.ts';
import { CodeSchema, ForgotPasswordSchema, NewPasswordSchema, SignInSchema } from './accounts.schemas.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { authenticatorQrSvg } from './qr-code.ts';
import { hashSecretToken } from './secret-token.ts';
import { SESSION_ABSOLUTE_HOURS, type SignInService } from './sign-in.service.ts';
import { groupedSecret, otpauthUri } from './totp.ts';

const VIEWS = 'accounts/views';
/** Per client address: enough for a person who mistypes, too few for guessing. */
const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };
/** Per account, whatever address the attempts come from, so spreading them over many machines gains nothing. */
const ACCOUNT_RATE = { max: 10, timeWindow: '15 minutes' };
const RESET_RATE = { max: 5, timeWindow: '15 minutes' };
/**
 * Setting a password through a link: limited per link (its token cannot be guessed, so this only stops
 * hammering one), with a looser limit per address so one person can set up several accounts in a row.
 */
const PASSWORD_LINK_RATE = { max: 5, timeWindow: '15 minutes' };
const PASSWORD_LINK_ADDRESS_RATE = { max: 30, timeWindow: '15 minutes' };
/** The confirmation the sign-in page shows after a password link was used. */
const PASSWORD_DONE = {
  set: 'Your password has been set',
  changed: 'Your password has been changed',
} as const;

/** Only a path on this site may follow sign-in, never another site's address. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** Sign-in, the second factor, sign-out and password links: the pages anyone may reach. */
export function signInRoutes(deps: { signIn: SignInService }): FastifyPluginAsync {
  const { signIn } = deps;

  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, SESSION_ABSOLUTE_HOURS * 3600));

  async function renderWithErrors(
    reply: FastifyReply,
    template: string,
    error: unknown,
    values: Record<string, unknown>,
  ) {
    if (!(error instanceof ValidationError)) throw error;
    return reply.code(400).render(`${VIEWS}/${template}`, { ...values, ...toFormErrors(error.fieldErrors) });
  }

  return async (app) => {
    app.get('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
      const next = safeNextPath((request.query as { next?: unknown }).next);
      if (request.actor.kind === 'user') return reply.redirect(next, 303);
      const done = (request.query as { password?: unknown }).password;
      const confirmation = done === 'set' || done === 'changed' ? PASSWORD_DONE[done] : undefined;
      return reply.render(`${VIEWS}/sign-in.njk`, { pageTitle: 'Sign in', next, confirmation });
    });

    const perAccount = (keyOf: (request: FastifyRequest) => string) =>
      limitPerKey(app, { name: 'account', ...ACCOUNT_RATE }, keyOf);

    app.post(
      '/sign-in',
      {
        config: { permission: 'public', rateLimit: SIGN_IN_RATE },
        preHandler: perAccount((request) => emailOf(request.body)),
      },
      async (request, reply) => {
        const form = parseInput(SignInSchema, request.body);
        const next = safeNextPath((request.body as { next?: unknown }).next);
        try {
          if (request.sessionToken) await signIn.signOut(request.sessionToken);
          const { token, state } = await signIn.signIn(form.email, form.password);
          setSessionCookie(request, reply, token);
          if (state === 'second-factor')
            return reply.redirect(`/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
          if (state === 'set-up-second-factor') return reply.redirect('/account/two-factor', 303);
          return reply.redirect(next, 303);
        } catch (error) {
          return renderWithErrors(reply, 'sign-in.njk', error, {
            pageTitle: 'Sign in',
            next,
            email: form.email,
          });
        }
      },
    );

    app.get('/sign-in/two-factor', { config: { permission: 'public' } }, async (request, reply) => {
      if (request.pendingSignIn?.kind !== 'second-factor') return reply.redirect('/sign-in', 303);
      const next = safeNextPath((request.query as { next?: unknown }).next);
      return reply.render(`${VIEWS}/two-factor.njk`, { pageTitle: 'Enter your security code', next });
    });

    app.post(
      '/sign-in/two-factor',
      {
        config: { permission: 'public', rateLimit: SIGN_IN_RATE },
        preHandler: perAccount((request) => `user:${request.pendingSignIn?.userId ?? 'none'}`),
      },
      async (request, reply) => {
        if (request.pendingSignIn?.kind !== 'second-factor' || !request.sessionToken) {
          return reply.redirect('/sign-in', 303);
        }
        const next = safeNextPath((request.body as { next?: unknown }).next);
        try {
          await signIn.verifySecondFactor(request.sessionToken, parseInput(CodeSchema, request.body).code);
          return reply.redirect(next, 303);
        } catch (error) {
          return renderWithErrors(reply, 'two-factor.njk', error, {
            pageTitle: 'Enter your security code',
            next,
          });
        }
      },
    );

    // Setting up an authenticator: for anyone signed in, and for an administrator who must before going on.
    app.get('/account/two-factor', { config: { permission: 'public' } }, async (request, reply) => {
      const who = accountHolder(request);
      if (!who) return reply.redirect('/sign-in?next=/account/two-factor', 303);
      if (request.actor.kind === 'user' && request.actor.sessionSecondFactor)
        return reply.redirect('/account', 303);
      const secret = await signIn.beginTotpSetUp(who.userId);
      return reply.render(
        `${VIEWS}/set-up-two-factor.njk`,
        await setUpView(secret, who.email, request.pendingSignIn !== null),
      );
    });

    app.post(
      '/account/two-factor',
      { config: { permission: 'public', rateLimit: SIGN_IN_RATE } },
      async (request, reply) => {
        const who = accountHolder(request);
        if (!who || !request.sessionToken) return reply.redirect('/sign-in', 303);
        try {
          await signIn.confirmTotpSetUp(
            request.actor,
            who.userId,
            parseInput(CodeSchema, request.body).code,
            request.sessionToken,
          );
          return reply.redirect('/account?two-factor=on', 303);
        } catch (error) {
          const secret = await signIn.beginTotpSetUp(who.userId);
          return renderWithErrors(
            reply,
            'set-up-two-factor.njk',
            error,
            await setUpView(secret, who.email, request.pendingSignIn !== null),
          );
        }
      },
    );

    app.post('/sign-out', { config: { permission: 'public' } }, async (request, reply) => {
      if (request.sessionToken) await signIn.signOut(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/signed-out', 303);
    });

    app.get('/signed-out', { config: { permission: 'public' } }, async (_request, reply) =>
      reply.render(`${VIEWS}/signed-out.njk`, { pageTitle: 'You have signed out' }),
    );

    app.get('/password/forgot', { config: { permission: 'public' } }, async (_request, reply) =>
      reply.render(`${VIEWS}/forgot-password.njk`, { pageTitle: 'Reset your password' }),
    );

    app.post(
      '/password/forgot',
      { config: { permission: 'public', rateLimit: RESET_RATE } },
      async (request, reply) => {
        const { email } = parseInput(ForgotPasswordSchema, request.body);
        await signIn.requestPasswordReset(email);
        return reply.render(`${VIEWS}/forgot-password-sent.njk`, { pageTitle: 'Check your email', email });
      },
    );

    for (const purpose of ['set', 'reset'] as const) {
      const title = purpose === 'set' ? 'Choose your password' : 'Choose a new password';
      app.get(`/password/${purpose}/:token`, { config: { permission: 'public' } }, async (request, reply) => {
        const { token } = request.params as { token: string };
        const link = await signIn.checkPasswordLink(token);
        if (!link)
          return reply.code(404).render(`${VIEWS}/link-expired.njk`, { pageTitle: 'This link has expired' });
        return reply.render(`${VIEWS}/set-password.njk`, {
          pageTitle: title,
          email: link.email,
          minLength: MIN_PASSWORD_LENGTH,
        });
      });

      app.post(
        `/password/${purpose}/:token`,
        {
          config: { permission: 'public', rateLimit: PASSWORD_LINK_ADDRESS_RATE },
          preHandler: limitPerKey(app, { name: 'password-link', ...PASSWORD_LINK_RATE }, (request) =>
            hashSecretToken((request.params as { token: string }).token),
          ),
        },
        async (request, reply) => {
          const { token } = request.params as { token: string };
          const form = parseInput(NewPasswordSchema, request.body);
          try {
            await signIn.setPasswordWithLink(token, form.password, form.confirmPassword);
            return reply.redirect(`/sign-in?password=${purpose === 'set' ? 'set' : 'changed'}`, 303);
          } catch (error) {
            if (!(error instanceof ValidationError)) {
              return reply
                .code(404)
                .render(`${VIEWS}/link-expired.njk`, { pageTitle: 'This link has expired' });
            }
            const link = await signIn.checkPasswordLink(token);
            return renderWithErrors(reply, 'set-password.njk', error, {
              pageTitle: title,
              email: link?.email,
              minLength: MIN_PASSWORD_LENGTH,
            });
          }
        },
      );
    }
  };
}

/** The account a sign-in form names, as the service matches it (case and spaces aside). */
function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

function accountHolder(request: FastifyRequest): { userId: number; email: string } | null {
  if (request.actor.kind === 'user') return { userId: request.actor.userId, email: request.actor.email };
  if (request.pendingSignIn?.kind === 'set-up-second-factor') return request.pendingSignIn;
  return null;
}

async function setUpView(secret: string, email: string, required: boolean) {
  const otpauth = otpauthUri(secret, email, 'Peelian');
  return {
    pageTitle: 'Set up your authenticator app',
    secret: groupedSecret(secret),
    otpauth,
    qrSvg: await authenticatorQrSvg(otpauth),
    required,
  };
}
