import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../../kernel/auth/actor.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { findChromium, PrinterUnavailableError, printPageToPdf } from '../../kernel/pdf/chromium-pdf.ts';
import { packPaths as paths } from './packs.paths.ts';
import { CreateFormSchema, IssueFormSchema, PackParams } from './packs.schemas.ts';
import type { PacksService } from './packs.service.ts';
import {
  toNewPackPage,
  toPackJson,
  toPackPage,
  toPackSummaryJson,
  toPacksPage,
} from './packs.view-models.ts';
import { VIEWS } from './packs.views.ts';

const MANAGE = requires('packs:manage');
/** Issued packs' PDFs, printed once: an issued pack never changes, and printing takes a second or two. */
const PRINTED_LIMIT = 20;

interface PacksRouteDeps {
  packs: PacksService;
}

/** The list, the API and each pack's page and PDF, as the reader may see them (drafts: the office only). */
function readingRoutes({ packs }: PacksRouteDeps): FastifyPluginAsync {
  // Promises, so that readers asking for the same issued pack at once share one Chromium, not one each.
  const printed = new Map<number, Promise<Buffer>>();

  async function print(request: FastifyRequest, id: number, title: string): Promise<Buffer> {
    return printPageToPdf({
      path: `${paths.pack({ id })}?print=1`,
      title,
      fetch: async (path) => {
        // The same page the reader would get, as the reader: a draft prints only for its office.
        const cookie = request.headers.cookie;
        const response = await request.server.inject({
          method: 'GET',
          url: path,
          headers: cookie ? { cookie } : {},
        });
        const headers = Object.fromEntries(
          Object.entries(response.headers).flatMap(([name, value]) =>
            typeof value === 'string'
              ? [[name, value]]
              : typeof value === 'number'
                ? [[name, String(value)]]
                : [],
          ),
        );
        return { status: response.statusCode, headers, body: response.rawPayload };
      },
    });
  }

  return async (app) => {
    app.get(paths.list.pattern, PUBLIC, async (request, reply) =>
      reply.render(
        VIEWS.packs,
        toPacksPage(await packs.listPacksFor(request.actor), packs.canManage(request.actor)),
      ),
    );

    app.get(paths.pack.pattern, PUBLIC, async (request, reply) => {
      const { id } = parseInput(PackParams, request.params);
      const record = await packs.readPack(request.actor, id);
      const printing = (request.query as { print?: string }).print === '1';
      const page = toPackPage(record, printing, findChromium() !== undefined);
      return reply.render(VIEWS.pack, page);
    });

    app.get(paths.pdf.pattern, PUBLIC, async (request, reply) => {
      const { id } = parseInput(PackParams, request.params);
      const record = await packs.readPack(request.actor, id);
      const issued = record.row.status === 'issued';
      let printing = issued ? printed.get(id) : undefined;
      if (!printing) {
        printing = print(request, id, record.content.title);
        if (issued) {
          printed.set(id, printing);
          if (printed.size > PRINTED_LIMIT) printed.delete(printed.keys().next().value as number);
        }
      }
      let pdf: Buffer;
      try {
        pdf = await printing;
      } catch (error) {
        printed.delete(id);
        if (!(error instanceof PrinterUnavailableError)) throw error;
        return reply.code(503).render(VIEWS.pack, {
          ...toPackPage(record, false, false),
          pageTitle: 'The PDF cannot be printed',
        });
      }
      const name = `performance-pack-${record.row.financialYear}-q${record.row.quarter}-edition-${record.row.edition}`;
      return sendDownload(reply, { name, format: 'pdf', body: pdf });
    });

    app.get(paths.apiList.pattern, PUBLIC, async () => {
      const rows = (await packs.listPacksFor(ANONYMOUS)).filter((row) => row.content !== null);
      return {
        packs: rows.map((row) =>
          toPackSummaryJson({ ...row, content: row.content as NonNullable<typeof row.content> }),
        ),
      };
    });

    app.get(paths.apiPack.pattern, PUBLIC, async (request) => {
      const { id } = parseInput(PackParams, request.params);
      return toPackJson(await packs.readIssuedPack(id));
    });
  };
}

/** Starting a pack and issuing it: the office's officers. */
function managingRoutes({ packs }: PacksRouteDeps): FastifyPluginAsync {
  const renderNew = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.newPack, toNewPackPage(await packs.formChoices(request.actor), problem));

  return async (app) => {
    app.get(paths.add.pattern, MANAGE, (request, reply) => renderNew(request, reply));
    app.post(
      paths.add.pattern,
      MANAGE,
      formRoute({
        schema: CreateFormSchema,
        act: (input, request) => packs.createPack(request.actor, input, request.id),
        redirectTo: (created) => paths.pack(created),
        render: renderNew,
      }),
    );
    app.post(
      paths.issue.pattern,
      MANAGE,
      formRoute({
        schema: IssueFormSchema,
        act: (_input, request) =>
          packs.issuePack(request.actor, parseInput(PackParams, request.params).id, request.id),
        redirectTo: (issued) => paths.pack(issued),
        render: async (request, reply) => {
          const { id } = parseInput(PackParams, request.params);
          return reply
            .code(400)
            .render(VIEWS.pack, toPackPage(await packs.readPack(request.actor, id), false, true));
        },
      }),
    );
  };
}

export function packsRoutes(deps: PacksRouteDeps): FastifyPluginAsync {
  return routeGroups(readingRoutes(deps), managingRoutes(deps));
}
