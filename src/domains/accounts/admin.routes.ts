import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLE_LABELS, ROLES } from '../../kernel/auth/roles.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { SESSION_COOKIE } from '../../kernel/http/auth.ts';
import { parseInput, toFormErrors } from '../../kernel/http/form-validation.ts';
import { GrantSchema, NewUserSchema } from './accounts.schemas.ts';
import { toAuditView, toUserView } from './accounts.view-models.ts';
import type { AuditService } from './audit.service.ts';
import type { SignInService } from './sign-in.service.ts';
import type { UsersService } from './users.service.ts';

const VIEWS = 'accounts/views';

const UserIdParams = z.object({ id: z.coerce.number().int().positive() });
const AuditQuery = z.object({
  recordType: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  from: z.union([z.literal(''), z.iso.date({ message: 'Enter the from date as YYYY-MM-DD' })]).optional(),
  to: z.union([z.literal(''), z.iso.date({ message: 'Enter the to date as YYYY-MM-DD' })]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  format: z.enum(['html', 'csv']).default('html'),
});

/** The signed-in person's own account, and the administrators' pages for people and the audit trail. */
export function adminRoutes(deps: {
  users: UsersService;
  signIn: SignInService;
  audit: AuditService;
}): FastifyPluginAsync {
  const { users, signIn, audit } = deps;
  const roleOptions = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));

  async function bodyOptions() {
    const bodies = await users.listBodies();
    return [
      { value: '', text: 'Whole installation (administrators only)' },
      ...bodies.map((body) => ({ value: body.slug, text: body.name })),
    ];
  }

  async function renderUser(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const { id } = parseInput(UserIdParams, request.params);
    const user = await users.getUser(request.actor, id);
    return reply.render(`${VIEWS}/admin-user.njk`, {
      pageTitle: user.displayName,
      user: toUserView(user),
      roleOptions,
      bodyOptions: await bodyOptions(),
      ...extra,
    });
  }

  return async (app) => {
    app.get('/account', { config: { permission: 'signed-in' } }, async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== 'user') return reply.redirect('/sign-in', 303);
      const user = await users.getOwnAccount(actor);
      return reply.render(`${VIEWS}/account.njk`, {
        pageTitle: 'Your account',
        user: toUserView(user),
        twoFactorJustEnabled: (request.query as { 'two-factor'?: string })['two-factor'] === 'on',
      });
    });

    app.get('/api/v1/me', { config: { permission: 'signed-in' } }, async (request) => {
      const actor = request.actor;
      if (actor.kind === 'user')
        return { kind: 'user', email: actor.email, name: actor.displayName, grants: actor.grants };
      if (actor.kind === 'token') return { kind: 'token', name: actor.name, grants: actor.grants };
      return { kind: actor.kind };
    });

    app.post(
      '/account/sign-out-everywhere',
      { config: { permission: 'signed-in' } },
      async (request, reply) => {
        if (request.actor.kind === 'user') await signIn.signOutEverywhere(request.actor.userId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect('/signed-out?everywhere=1', 303);
      },
    );

    app.get('/admin/users', { config: { permission: 'users:manage' } }, async (request, reply) => {
      const list = await users.listUsersWithGrants(request.actor);
      return reply.render(`${VIEWS}/admin-users.njk`, { pageTitle: 'People', users: list.map(toUserView) });
    });

    app.get('/admin/users/new', { config: { permission: 'users:manage' } }, async (_request, reply) =>
      reply.render(`${VIEWS}/admin-user-new.njk`, {
        pageTitle: 'Add a person',
        roleOptions,
        bodyOptions: await bodyOptions(),
        values: {},
      }),
    );

    app.post('/admin/users', { config: { permission: 'users:manage' } }, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const input = parseInput(NewUserSchema, values);
        const created = await users.createUser(request.actor, input, request.id);
        return reply.render(`${VIEWS}/admin-user-created.njk`, {
          pageTitle: 'Account created',
          email: input.email,
          userId: created.userId,
          setPasswordUrl: created.setPasswordUrl,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).render(`${VIEWS}/admin-user-new.njk`, {
          pageTitle: 'Add a person',
          roleOptions,
          bodyOptions: await bodyOptions(),
          values,
          ...toFormErrors(error.fieldErrors),
        });
      }
    });

    app.get('/admin/users/:id', { config: { permission: 'users:manage' } }, (request, reply) =>
      renderUser(request, reply),
    );

    app.post('/admin/users/:id/roles', { config: { permission: 'users:manage' } }, async (request, reply) => {
      const { id } = parseInput(UserIdParams, request.params);
      try {
        await users.grantRole(request.actor, id, parseInput(GrantSchema, request.body), request.id);
        return reply.redirect(`/admin/users/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderUser(request, reply.code(400), toFormErrors(error.fieldErrors));
      }
    });

    app.post(
      '/admin/users/:id/roles/remove',
      { config: { permission: 'users:manage' } },
      async (request, reply) => {
        const { id } = parseInput(UserIdParams, request.params);
        try {
          await users.revokeRole(request.actor, id, parseInput(GrantSchema, request.body), request.id);
          return reply.redirect(`/admin/users/${id}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderUser(request, reply.code(400), toFormErrors(error.fieldErrors));
        }
      },
    );

    for (const [path, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/admin/users/:id/${path}`,
        { config: { permission: 'users:manage' } },
        async (request, reply) => {
          const { id } = parseInput(UserIdParams, request.params);
          try {
            await users.setDisabled(request.actor, id, disabled, request.id);
            return reply.redirect(`/admin/users/${id}`, 303);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return renderUser(request, reply.code(400), toFormErrors(error.fieldErrors));
          }
        },
      );
    }

    app.get('/admin/audit', { config: { permission: 'audit:read' } }, async (request, reply) => {
      const query = parseInput(AuditQuery, request.query);
      const filter = {
        recordType: query.recordType || undefined,
        actor: query.actor || undefined,
        from: query.from || undefined,
        to: query.to || undefined,
      };
      if (query.format === 'csv') {
        const events = await audit.exportEvents(request.actor, filter);
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="peelian-audit.csv"')
          .send(
            toCsv(events, [
              { header: 'id', value: (event) => event.id },
              { header: 'occurred_at', value: (event) => event.occurredAt.toISOString() },
              { header: 'actor_kind', value: (event) => event.actorKind },
              { header: 'actor', value: (event) => event.actorLabel },
              { header: 'action', value: (event) => event.action },
              { header: 'record_type', value: (event) => event.recordType },
              { header: 'record_id', value: (event) => event.recordId },
              {
                header: 'before',
                value: (event) => (event.before === null ? null : JSON.stringify(event.before)),
              },
              {
                header: 'after',
                value: (event) => (event.after === null ? null : JSON.stringify(event.after)),
              },
              { header: 'request_id', value: (event) => event.requestId },
            ]),
          );
      }
      const result = await audit.listEvents(request.actor, filter, query.page);
      return reply.render(`${VIEWS}/admin-audit.njk`, {
        pageTitle: 'Audit trail',
        ...toAuditView(result, query),
      });
    });
  };
}
