import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../kernel/errors.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { limitPerKey } from '../../kernel/http/rate-limits.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { accountPaths } from './accounts.paths.ts';
import { CodeSchema, ForgotPasswordSchema, NewPasswordSchema, SignInSchema } from './accounts.schemas.ts';
import { accountViews, type SetUpSecondFactorPage } from './accounts.views.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { authenticatorQrSvg } from './qr-code.ts';
import { hashSecretToken } from './secret-token.ts';
import { SESSION_ABSOLUTE_HOURS, type SignInService } from './sign-in.service.ts';
import { groupedSecret, otpauthUri } from './totp.ts';

const PUBLIC = { permission: 'public' } as const;
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

type Deps = { signIn: SignInService };

/** Sign-in, the second factor, sign-out and password links: the pages anyone may reach. */
export function signInRoutes(deps: Deps): FastifyPluginAsync {
  return routeGroups(sessionRoutes(deps), secondFactorSetUpRoutes(deps), passwordRoutes(deps));
}

/** What a form page shows after a mistake. */
function mistakes(problem: FormProblem) {
  return { errorList: problem.errorList, fieldErrors: problem.fieldErrors };
}

const nextFrom = (input: unknown) => safeNextPath((input as { next?: unknown } | undefined)?.next);

function afterSignIn(state: 'second-factor' | 'set-up-second-factor' | 'signed-in', next: string) {
  if (state === 'second-factor') return accountPaths.secondFactor({}, { next });
  if (state === 'set-up-second-factor') return accountPaths.setUpSecondFactor();
  return next;
}

/** Signing in with a password and a second factor, and signing out. */
function sessionRoutes({ signIn }: Deps): FastifyPluginAsync {
  return async (app) => {
    const perAccount = (keyOf: (request: FastifyRequest) => string) =>
      limitPerKey(app, { name: 'account', ...ACCOUNT_RATE }, keyOf);

    app.get(accountPaths.signIn.pattern, { config: PUBLIC }, async (request, reply) => {
      const next = nextFrom(request.query);
      if (request.actor.kind === 'user') return reply.redirect(next, 303);
      const done = (request.query as { password?: unknown }).password;
      const confirmation = done === 'set' || done === 'changed' ? PASSWORD_DONE[done] : undefined;
      return reply.render(accountViews.signIn, { pageTitle: 'Sign in', next, confirmation });
    });

    app.post(
      accountPaths.signIn.pattern,
      {
        config: { ...PUBLIC, rateLimit: SIGN_IN_RATE },
        preHandler: perAccount((request) => emailOf(request.body)),
      },
      formRoute({
        schema: SignInSchema,
        act: async (form, request, reply) => {
          if (request.sessionToken) await signIn.signOut(request.sessionToken);
          const { token, state } = await signIn.signIn(form.email, form.password);
          reply.setCookie(
            SESSION_COOKIE,
            token,
            sessionCookieOptions(request, SESSION_ABSOLUTE_HOURS * 3600),
          );
          return state;
        },
        redirectTo: (state, request) => afterSignIn(state, nextFrom(request.body)),
        render: async (request, reply, problem) =>
          reply.render(accountViews.signIn, {
            pageTitle: 'Sign in',
            next: nextFrom(request.body),
            email: String(problem.values.email ?? '').trim(),
            ...mistakes(problem),
          }),
      }),
    );

    app.get(accountPaths.secondFactor.pattern, { config: PUBLIC }, async (request, reply) => {
      if (request.pendingSignIn?.kind !== 'second-factor') return reply.redirect(accountPaths.signIn(), 303);
      const next = nextFrom(request.query);
      return reply.render(accountViews.secondFactor, { pageTitle: 'Enter your security code', next });
    });

    app.post(
      accountPaths.secondFactor.pattern,
      {
        config: { ...PUBLIC, rateLimit: SIGN_IN_RATE },
        preHandler: [
          perAccount((request) => `user:${request.pendingSignIn?.userId ?? 'none'}`),
          async (request, reply) => {
            if (request.pendingSignIn?.kind !== 'second-factor' || !request.sessionToken)
              return reply.redirect(accountPaths.signIn(), 303);
          },
        ],
      },
      formRoute({
        schema: CodeSchema,
        act: async ({ code }, request) => signIn.verifySecondFactor(request.sessionToken ?? '', code),
        redirectTo: (_done, request) => nextFrom(request.body),
        render: async (request, reply, problem) =>
          reply.render(accountViews.secondFactor, {
            pageTitle: 'Enter your security code',
            next: nextFrom(request.body),
            ...mistakes(problem),
          }),
      }),
    );

    app.post(accountPaths.signOut.pattern, { config: PUBLIC }, async (request, reply) => {
      if (request.sessionToken) await signIn.signOut(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(accountPaths.signedOut(), 303);
    });

    app.get(accountPaths.signedOut.pattern, { config: PUBLIC }, async (_request, reply) =>
      reply.render(accountViews.signedOut, { pageTitle: 'You have signed out' }),
    );
  };
}

/** Setting up an authenticator: for anyone signed in, and for an administrator who must before going on. */
function secondFactorSetUpRoutes({ signIn }: Deps): FastifyPluginAsync {
  async function setUpPage(request: FastifyRequest): Promise<SetUpSecondFactorPage> {
    const who = accountHolder(request) as { userId: number; email: string };
    const secret = await signIn.beginTotpSetUp(who.userId);
    return setUpView(secret, who.email, request.pendingSignIn !== null);
  }

  return async (app) => {
    app.get(accountPaths.setUpSecondFactor.pattern, { config: PUBLIC }, async (request, reply) => {
      if (!accountHolder(request))
        return reply.redirect(accountPaths.signIn({}, { next: accountPaths.setUpSecondFactor() }), 303);
      if (request.actor.kind === 'user' && request.actor.sessionSecondFactor)
        return reply.redirect(accountPaths.account(), 303);
      return reply.render(accountViews.setUpSecondFactor, await setUpPage(request));
    });

    app.post(
      accountPaths.setUpSecondFactor.pattern,
      {
        config: { ...PUBLIC, rateLimit: SIGN_IN_RATE },
        preHandler: async (request, reply) => {
          if (!accountHolder(request) || !request.sessionToken)
            return reply.redirect(accountPaths.signIn(), 303);
        },
      },
      formRoute({
        schema: CodeSchema,
        act: async ({ code }, request) => {
          const who = accountHolder(request) as { userId: number };
          await signIn.confirmTotpSetUp(request.actor, who.userId, code, request.sessionToken ?? '');
        },
        redirectTo: () => accountPaths.account({}, { 'two-factor': 'on' }),
        render: async (request, reply, problem) =>
          reply.render(accountViews.setUpSecondFactor, {
            ...(await setUpPage(request)),
            ...mistakes(problem),
          }),
      }),
    );
  };
}

/** Asking for a password link, and choosing a password through one. */
function passwordRoutes({ signIn }: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get(accountPaths.forgotPassword.pattern, { config: PUBLIC }, async (_request, reply) =>
      reply.render(accountViews.forgotPassword, { pageTitle: 'Reset your password' }),
    );

    app.post(
      accountPaths.forgotPassword.pattern,
      { config: { ...PUBLIC, rateLimit: RESET_RATE } },
      async (request, reply) => {
        const { email } = parseInput(ForgotPasswordSchema, request.body);
        await signIn.requestPasswordReset(email);
        return reply.render(accountViews.forgotPasswordSent, { pageTitle: 'Check your email', email });
      },
    );

    const linkExpired = (reply: FastifyReply) =>
      reply.code(404).render(accountViews.linkExpired, { pageTitle: 'This link has expired' });

    for (const [purpose, linkPath] of [
      ['set', accountPaths.setPassword],
      ['reset', accountPaths.resetPassword],
    ] as const) {
      const title = purpose === 'set' ? 'Choose your password' : 'Choose a new password';
      const tokenOf = (request: FastifyRequest) => (request.params as { token: string }).token;
      const renderForm = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
        const link = await signIn.checkPasswordLink(tokenOf(request));
        if (!link) return linkExpired(reply);
        const page = { pageTitle: title, email: link.email, minLength: MIN_PASSWORD_LENGTH };
        return reply.render(accountViews.setPassword, problem ? { ...page, ...mistakes(problem) } : page);
      };

      const setPassword = formRoute({
        schema: NewPasswordSchema,
        act: (form, request) =>
          signIn.setPasswordWithLink(tokenOf(request), form.password, form.confirmPassword),
        redirectTo: () => accountPaths.signIn({}, { password: purpose === 'set' ? 'set' : 'changed' }),
        render: renderForm,
      });

      app.get(linkPath.pattern, { config: PUBLIC }, (request, reply) => renderForm(request, reply));

      app.post(
        linkPath.pattern,
        {
          config: { ...PUBLIC, rateLimit: PASSWORD_LINK_ADDRESS_RATE },
          preHandler: limitPerKey(app, { name: 'password-link', ...PASSWORD_LINK_RATE }, (request) =>
            hashSecretToken(tokenOf(request)),
          ),
        },
        async function choosePassword(request, reply) {
          try {
            return await setPassword.call(this, request, reply);
          } catch (error) {
            // An expired or used link gets the same page whether it was caught on the way in or on the way out.
            if (error instanceof NotFoundError) return linkExpired(reply);
            throw error;
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

async function setUpView(secret: string, email: string, required: boolean): Promise<SetUpSecondFactorPage> {
  const otpauth = otpauthUri(secret, email, 'Peelian');
  return {
    pageTitle: 'Set up your authenticator app',
    secret: groupedSecret(secret),
    otpauth,
    qrSvg: await authenticatorQrSvg(otpauth),
    required,
  };
}
