import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { FUNCTION_OPTIONS } from '../scrutiny-functions.ts';
import { RecordIdParams } from '../scrutiny-records.schemas.ts';
import { workProgrammePaths as paths } from './work-programme.paths.ts';
import { NewWorkProgrammeEntryFormSchema, WorkProgrammeEntryFormSchema } from './work-programme.schemas.ts';
import type { WorkProgrammeService } from './work-programme.service.ts';
import { programmeYearOf, toEntryFormValues, toWorkProgrammeView } from './work-programme.view-models.ts';
import { workProgrammeViews as views } from './work-programme.views.ts';

const MANAGE = requires('scrutiny:manage');

/** The work programme: what each coming meeting will focus on, what earlier programmes planned, and its forms. */
export function workProgrammeRoutes(deps: {
  workProgramme: WorkProgrammeService;
  managedPanels: (actor: FastifyRequest['actor']) => Promise<{ slug: string; name: string }[]>;
}): FastifyPluginAsync {
  const { workProgramme } = deps;

  async function renderNew(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const panels = await deps.managedPanels(request.actor);
    return reply.render(views.entry, {
      pageTitle: 'Add to the work programme',
      action: paths.programme(),
      panels: panels.map((panel) => ({ value: panel.slug, text: panel.name })),
      functions: FUNCTION_OPTIONS,
      values: { programme: programmeYearOf(londonDateOf(new Date())) },
      ...problem,
    });
  }

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { id } = parseInput(RecordIdParams, request.params);
    const read = await workProgramme.readEntry(request.actor, id);
    return reply.render(views.entry, {
      pageTitle: 'Change a work programme entry',
      action: paths.entry({ id }),
      entry: { id, bodyName: read.entry.bodyName, deleteUrl: paths.delete({ id }) },
      functions: FUNCTION_OPTIONS,
      values: toEntryFormValues(read),
      ...problem,
    });
  }

  return async (app) => {
    app.get(paths.programme.pattern, PUBLIC, async (request, reply) => {
      const programme = toWorkProgrammeView(await workProgramme.readProgramme(request.actor));
      return reply.render(views.programme, { pageTitle: 'Work programme', programme });
    });

    app.get(paths.new.pattern, MANAGE, (request, reply) => renderNew(request, reply));

    app.post(
      paths.programme.pattern,
      MANAGE,
      formRoute({
        schema: NewWorkProgrammeEntryFormSchema,
        act: (form, request) => workProgramme.createEntry(request.actor, form, request.id),
        redirectTo: () => paths.programme(),
        render: renderNew,
      }),
    );

    app.get(paths.edit.pattern, MANAGE, (request, reply) => renderEdit(request, reply));

    app.post(
      paths.entry.pattern,
      MANAGE,
      formRoute({
        schema: WorkProgrammeEntryFormSchema,
        act: async (form, request) => {
          const { id } = parseInput(RecordIdParams, request.params);
          await workProgramme.updateEntry(request.actor, id, form, request.id);
        },
        redirectTo: () => paths.programme(),
        render: renderEdit,
      }),
    );

    app.post(paths.delete.pattern, MANAGE, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      await workProgramme.deleteEntry(request.actor, id, request.id);
      return reply.redirect(paths.programme(), 303);
    });
  };
}
