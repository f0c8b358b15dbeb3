import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditEventRow } from '../../kernel/audit/audit.queries.ts';
import { ROLE_LABELS, ROLES } from '../../kernel/auth/roles.ts';
import { csvColumns, toCsv } from '../../kernel/formats/csv.ts';
import { requires, SESSION_COOKIE } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { optionalDateField, withDateParts } from '../../kernel/http/form-fields.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { accountPaths } from './accounts.paths.ts';
import { GrantSchema, NewUserSchema } from './accounts.schemas.ts';
import { toAuditView, toUserView } from './accounts.view-models.ts';
import { accountViews } from './accounts.views.ts';
import type { AuditService } from './audit.service.ts';
import type { SignInService } from './sign-in.service.ts';
import type { UsersService } from './users.service.ts';

const SIGNED_IN = requires('signed-in');
const MANAGE_USERS = requires('users:manage');

const UserIdParams = z.object({ id: z.coerce.number().int().positive() });
const AuditQuery = withDateParts(
  ['from', 'to'],
  z.object({
    recordType: z.string().max(100).optional(),
    actor: z.string().max(254).optional(),
    from: optionalDateField('The from date'),
    to: optionalDateField('The to date'),
    page: z.coerce.number().int().min(1).default(1),
    format: z.enum(['html', 'csv']).default('html'),
  }),
);

const AUDIT_CSV = csvColumns<AuditEventRow>({
  id: 'id',
  occurred_at: (event) => event.occurredAt.toISOString(),
  actor_kind: 'actorKind',
  actor: 'actorLabel',
  action: 'action',
  record_type: 'recordType',
  record_id: 'recordId',
  before: (event) => (event.before === null ? null : JSON.stringify(event.before)),
  after: (event) => (event.after === null ? null : JSON.stringify(event.after)),
  request_id: 'requestId',
});

type Deps = { users: UsersService; signIn: SignInService; audit: AuditService };

/** The signed-in person's own account, and the administrators' pages for people and the audit trail. */
export function adminRoutes(deps: Deps): FastifyPluginAsync {
  return routeGroups(ownAccountRoutes(deps), peopleRoutes(deps), auditRoutes(deps));
}

function ownAccountRoutes({ users, signIn }: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get(accountPaths.account.pattern, SIGNED_IN, async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== 'user') return reply.redirect(accountPaths.signIn(), 303);
      const user = await users.getOwnAccount(actor);
      return reply.render(accountViews.account, {
        pageTitle: 'Your account',
        user: toUserView(user),
        twoFactorJustEnabled: (request.query as { 'two-factor'?: string })['two-factor'] === 'on',
      });
    });

    app.get(accountPaths.me.pattern, SIGNED_IN, async (request) => {
      const actor = request.actor;
      if (actor.kind === 'user')
        return { kind: 'user', email: actor.email, name: actor.displayName, grants: actor.grants };
      if (actor.kind === 'token') return { kind: 'token', name: actor.name, grants: actor.grants };
      return { kind: actor.kind };
    });

    app.post(accountPaths.signOutEverywhere.pattern, SIGNED_IN, async (request, reply) => {
      if (request.actor.kind === 'user') await signIn.signOutEverywhere(request.actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(accountPaths.signedOut({}, { everywhere: 1 }), 303);
    });
  };
}

function peopleRoutes({ users }: Deps): FastifyPluginAsync {
  const roleOptions = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));

  async function choices() {
    const bodies = await users.listBodies();
    const bodyOptions = [
      { value: '', text: 'Whole installation (administrators only)' },
      ...bodies.map((body) => ({ value: body.slug, text: body.name })),
    ];
    return { roleOptions, bodyOptions };
  }

  async function renderUser(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { id } = parseInput(UserIdParams, request.params);
    const user = await users.getUser(request.actor, id);
    return reply.render(accountViews.user, {
      pageTitle: user.displayName,
      user: toUserView(user),
      ...(await choices()),
      ...(problem ? { errorList: problem.errorList, fieldErrors: problem.fieldErrors } : {}),
    });
  }

  async function renderNewUser(_request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    return reply.render(accountViews.newUser, {
      pageTitle: 'Add a person',
      ...(await choices()),
      values: problem?.values ?? {},
      ...(problem ? { errorList: problem.errorList, fieldErrors: problem.fieldErrors } : {}),
    });
  }

  /** A change to one person's account, made from their page and back to it, or shown there when refused. */
  function changeUser<Schema extends z.ZodType>(
    schema: Schema,
    change: (request: FastifyRequest, id: number, input: z.infer<Schema>) => Promise<unknown>,
  ) {
    return formRoute({
      schema,
      act: async (input, request) => {
        const { id } = parseInput(UserIdParams, request.params);
        await change(request, id, input);
        return id;
      },
      redirectTo: (id) => accountPaths.user({ id }),
      render: renderUser,
    });
  }

  return async (app) => {
    app.get(accountPaths.users.pattern, MANAGE_USERS, async (request, reply) => {
      const list = await users.listUsersWithGrants(request.actor);
      return reply.render(accountViews.users, { pageTitle: 'People', users: list.map(toUserView) });
    });

    app.get(accountPaths.newUser.pattern, MANAGE_USERS, (request, reply) => renderNewUser(request, reply));

    app.post(
      accountPaths.users.pattern,
      MANAGE_USERS,
      formRoute({
        schema: NewUserSchema,
        act: async (input, request) => ({
          email: input.email,
          ...(await users.createUser(request.actor, input, request.id)),
        }),
        // The set-password link is shown this once and kept nowhere, so the page answers the form itself.
        respond: async (created, _request, reply) =>
          reply.render(accountViews.userCreated, { pageTitle: 'Account created', ...created }),
        render: renderNewUser,
      }),
    );

    app.get(accountPaths.user.pattern, MANAGE_USERS, (request, reply) => renderUser(request, reply));

    app.post(
      accountPaths.grantRole.pattern,
      MANAGE_USERS,
      changeUser(GrantSchema, (request, id, grant) => users.grantRole(request.actor, id, grant, request.id)),
    );

    app.post(
      accountPaths.revokeRole.pattern,
      MANAGE_USERS,
      changeUser(GrantSchema, (request, id, grant) => users.revokeRole(request.actor, id, grant, request.id)),
    );

    for (const [userPath, disabled] of [
      [accountPaths.disableUser, true],
      [accountPaths.enableUser, false],
    ] as const) {
      app.post(
        userPath.pattern,
        MANAGE_USERS,
        changeUser(z.object({}), (request, id) => users.setDisabled(request.actor, id, disabled, request.id)),
      );
    }
  };
}

function auditRoutes({ audit }: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get(accountPaths.audit.pattern, requires('audit:read'), async (request, reply) => {
      const query = parseInput(AuditQuery, request.query);
      const filter = {
        recordType: query.recordType || undefined,
        actor: query.actor || undefined,
        from: query.from || undefined,
        to: query.to || undefined,
      };
      if (query.format === 'csv') {
        const events = await audit.exportEvents(request.actor, filter);
        return sendDownload(reply, { name: 'peelian-audit', format: 'csv', body: toCsv(events, AUDIT_CSV) });
      }
      const result = await audit.listEvents(request.actor, filter, query.page);
      return reply.render(accountViews.audit, { pageTitle: 'Audit trail', ...toAuditView(result, query) });
    });
  };
}
