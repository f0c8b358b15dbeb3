import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { FUNCTION_OPTIONS } from '../scrutiny-functions.ts';
import {
  NewWorkProgrammeEntryFormSchema,
  RecordIdParams,
  WorkProgrammeEntryFormSchema,
} from '../scrutiny-records.schemas.ts';
import type { WorkProgrammeService } from './work-programme.service.ts';
import { programmeYearOf, toEntryFormValues, toWorkProgrammeView } from './work-programme.view-models.ts';

const VIEWS = 'scrutiny/work-programme/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** The work programme: what each coming meeting will focus on, what earlier programmes planned, and its forms. */
export function workProgrammeRoutes(deps: {
  workProgramme: WorkProgrammeService;
  managedPanels: (actor: FastifyRequest['actor']) => Promise<{ slug: string; name: string }[]>;
}): FastifyPluginAsync {
  const { workProgramme } = deps;

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const panels = await deps.managedPanels(request.actor);
    return reply.render(`${VIEWS}/work-programme-entry.njk`, {
      pageTitle: 'Add to the work programme',
      action: '/scrutiny/work-programme',
      panels: panels.map((panel) => ({ value: panel.slug, text: panel.name })),
      functions: FUNCTION_OPTIONS,
      values: { programme: programmeYearOf(londonDateOf(new Date())) },
      ...extra,
    });
  }

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await workProgramme.readEntry(request.actor, id);
    return reply.render(`${VIEWS}/work-programme-entry.njk`, {
      pageTitle: 'Change a work programme entry',
      action: `/scrutiny/work-programme/${id}`,
      entry: { id, bodyName: read.entry.bodyName, deleteUrl: `/scrutiny/work-programme/${id}/delete` },
      functions: FUNCTION_OPTIONS,
      values: toEntryFormValues(read),
      ...extra,
    });
  }

  return async (app) => {
    app.get('/scrutiny/work-programme', PUBLIC, async (request, reply) => {
      const programme = toWorkProgrammeView(await workProgramme.readProgramme(request.actor));
      return reply.render(`${VIEWS}/work-programme.njk`, { pageTitle: 'Work programme', programme });
    });

    app.get('/scrutiny/work-programme/new', MANAGE, (request, reply) => renderNew(request, reply));

    app.post('/scrutiny/work-programme', MANAGE, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(NewWorkProgrammeEntryFormSchema, values);
        await workProgramme.createEntry(request.actor, form, request.id);
        return reply.redirect('/scrutiny/work-programme', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNew(request, reply.code(400), { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.get('/scrutiny/work-programme/:id/edit', MANAGE, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      return renderEdit(request, reply, id);
    });

    app.post('/scrutiny/work-programme/:id', MANAGE, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const form = parseInput(WorkProgrammeEntryFormSchema, values);
        await workProgramme.updateEntry(request.actor, id, form, request.id);
        return reply.redirect('/scrutiny/work-programme', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderEdit(request, reply.code(400), id, { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.post('/scrutiny/work-programme/:id/delete', MANAGE, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      await workProgramme.deleteEntry(request.actor, id, request.id);
      return reply.redirect('/scrutiny/work-programme', 303);
    });
  };
}
