import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.ts';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { EXEMPT_OPTIONS, toDeadlineView, toMeetingSummary, toMembersView } from '../scrutiny.view-models.ts';
import { PAPER_MAX_BYTES, PAPER_MAX_MEGABYTES, tooLargeMessage } from './papers.file-types.ts';
import { boundaryOf, type MultipartForm, parseMultipart } from './papers.multipart.ts';
import { NewPaperQuerySchema, PaperIdParams, PaperUploadQuerySchema } from './papers.schemas.ts';
import { agendaItemOptions, toPackView, toPaperGroups } from './papers.view-models.ts';

const VIEWS = 'scrutiny/papers/views';
const papersOf = (id: number) => `${meetingPaths.meeting({ id })}#papers`;
const MANAGE = requires('scrutiny:manage');

/**
 * Bodies an upload may arrive as. As for police.uk imports, the browser sends the file's own bytes as the
 * body (with its name and the other fields in the query string); the media type it claims decides nothing.
 */
const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'text/csv'];

const isMultipart = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/** Reads an upload's bytes, refusing as soon as it passes the limit rather than after holding it all. */
async function readUpload(body: unknown, declaredLength: string | undefined): Promise<Buffer> {
  if (!(body instanceof Readable))
    throw new ValidationError([
      { field: 'file', message: 'Send the file itself as the request body, as application/octet-stream' },
    ]);
  if (declaredLength !== undefined && Number(declaredLength) > PAPER_MAX_BYTES) {
    body.resume();
    throw new ValidationError([{ field: 'file', message: tooLargeMessage() }]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > PAPER_MAX_BYTES) {
      body.resume();
      throw new ValidationError([{ field: 'file', message: tooLargeMessage() }]);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Where the upload form shows an error: the file input, whichever of its parts was wrong. */
const FIELD_IDS: Record<string, string> = { file: 'upload-file', name: 'upload-file' };

/** A multipart form's values in the shape of the JavaScript upload's query string, and the file's bytes. */
function fromMultipart(form: MultipartForm): { query: Record<string, string>; bytes: Buffer } {
  const file = form.files.file;
  return {
    query: { ...form.fields, name: file?.bytes.length ? file.fileName : '' },
    bytes: file?.bytes ?? Buffer.alloc(0),
  };
}

/** The upload form, with the meeting's papers so far; after a mistake, what was sent and what was wrong. */
async function renderUploadForm(
  scrutiny: ScrutinyService,
  request: FastifyRequest,
  reply: FastifyReply,
  upload: { id: number; values: { agendaItem: number | '' } & Record<string, unknown> },
  errors: ReturnType<typeof toFormErrors> | Record<string, never> = {},
) {
  const read = await scrutiny.readMeeting(request.actor, upload.id);
  const papers = await scrutiny.papers.listPapers(request.actor, read.meeting);
  return reply.render(`${VIEWS}/paper-upload.njk`, {
    pageTitle: `Add a paper to ${read.meeting.title}`,
    meeting: toMeetingSummary(read.meeting),
    itemOptions: agendaItemOptions(read.items, upload.values.agendaItem),
    exemptOptions: EXEMPT_OPTIONS,
    paperGroups: toPaperGroups(read.items, papers),
    maxMegabytes: PAPER_MAX_MEGABYTES,
    values: upload.values,
    ...errors,
  });
}

/** How an upload's body is read: the file's own bytes (from JavaScript), or a whole multipart form. */
function addUploadParsers(uploads: FastifyInstance) {
  uploads.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
  // A browser without JavaScript sends the form as multipart; it is read whole, within twice the paper
  // limit, so that a file a little too large still gets the form back with the reason.
  uploads.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: PAPER_MAX_BYTES * 2 },
    (request, body, done) => {
      try {
        const form = parseMultipart(body as Buffer, boundaryOf(request.headers['content-type']));
        // The CSRF check reads the token from the top of the body, as for any other form.
        done(null, { _csrf: form.fields._csrf, form });
      } catch (error) {
        done(error as Error);
      }
    },
  );
}

/** The upload form sent without JavaScript: saved and back to the meeting, or the form again with the reason. */
async function uploadFromForm(
  scrutiny: ScrutinyService,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
) {
  const { query, bytes } = fromMultipart((request.body as { form: MultipartForm }).form);
  try {
    const form = parseInput(PaperUploadQuerySchema, query);
    if (bytes.length > PAPER_MAX_BYTES)
      throw new ValidationError([{ field: 'file', message: tooLargeMessage() }]);
    await scrutiny.papers.uploadPaper(request.actor, id, form, bytes, request.id);
    return reply.redirect(papersOf(id), 303);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields = error.fieldErrors.map((fieldError) => ({
      ...fieldError,
      field: FIELD_IDS[fieldError.field] ?? fieldError.field,
    }));
    const values = { ...query, agendaItem: Number(query.agendaItem) || ('' as const) };
    return renderUploadForm(scrutiny, request, reply.code(400), { id, values }, toFormErrors(fields));
  }
}

/** A meeting's papers: the officer's upload, downloads for everyone allowed, and the printable agenda pack. */
export function scrutinyPapersRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;
  return async (app) => {
    app.get(meetingPaths.paperForm.pattern, MANAGE, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const { agendaItem } = parseInput(NewPaperQuerySchema, request.query);
      return renderUploadForm(scrutiny, request, reply, { id, values: { agendaItem } });
    });

    app.get(meetingPaths.paper.pattern, PUBLIC, async (request, reply) => {
      const { id, paperId } = parseInput(PaperIdParams, request.params);
      const { paper, content } = await scrutiny.papers.readPaper(request.actor, id, paperId);
      const exempt = paper.effectiveExemptParagraph !== null;
      // Always a download, never shown in the browser, never sniffed into another type, and with nothing
      // allowed to run should a browser open it anyway.
      return reply
        .type(paper.mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : paper.mediaType)
        .header('Content-Disposition', `attachment; filename="${paper.fileName}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', exempt ? 'private, no-store' : 'no-cache')
        .send(content);
    });

    app.post(meetingPaths.paperDelete.pattern, MANAGE, async (request, reply) => {
      const { id, paperId } = parseInput(PaperIdParams, request.params);
      await scrutiny.papers.removePaper(request.actor, id, paperId, request.id);
      return reply.redirect(papersOf(id), 303);
    });

    app.get(meetingPaths.pack.pattern, PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const read = await scrutiny.readMeeting(request.actor, id);
      const papers = await scrutiny.papers.listPapers(request.actor, read.meeting);
      return reply.render(`${VIEWS}/agenda-pack.njk`, {
        pageTitle: `Agenda pack: ${read.meeting.title}`,
        meeting: toMeetingSummary(read.meeting),
        deadline: toDeadlineView(read.deadline, read.rules),
        members: toMembersView(read.members),
        ...toPackView(read.items, papers),
      });
    });

    await app.register(async (uploads) => {
      addUploadParsers(uploads);
      uploads.post(meetingPaths.papers.pattern, MANAGE, async (request, reply) => {
        const { id } = parseInput(MeetingIdParams, request.params);
        if (isMultipart(request)) return uploadFromForm(scrutiny, request, reply, id);
        const form = parseInput(PaperUploadQuerySchema, request.query);
        const bytes = await readUpload(request.body, request.headers['content-length']);
        const { id: paperId } = await scrutiny.papers.uploadPaper(request.actor, id, form, bytes, request.id);
        return reply.code(201).send({ paperId, page: papersOf(id) });
      });
    });
  };
}
