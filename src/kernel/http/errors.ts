import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, UnauthenticatedError, ValidationError } from '../errors.ts';

const FORM_EXPIRED =
  'This form has expired or was sent from another site. Go back, refresh the page and try again.';

/**
 * The one place errors become responses. Users see a plain message and, for HTML, a page in the layout;
 * a stack trace reaches the page only outside production, and the log always.
 */
export function registerErrorHandling(app: FastifyInstance, options: { showDetail: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: 'Not found', requestId: request.id });
    return reply.code(404).render('pages/error.njk', {
      pageTitle: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
      ],
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof UnauthenticatedError && !wantsJson(request) && request.method === 'GET') {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    const status = statusOf(error);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendServerError(request, reply, error, options);
    }
    const message = error.code?.startsWith('FST_CSRF') ? FORM_EXPIRED : error.message;
    if (wantsJson(request)) {
      const fields = error instanceof ValidationError ? { fields: error.fieldErrors } : {};
      return reply.code(status).send({ error: message, ...fields, requestId: request.id });
    }
    return reply
      .code(status)
      .render('pages/error.njk', { pageTitle: titleFor(status), paragraphs: [message] });
  });
}

function statusOf(error: FastifyError): number {
  if (error instanceof DomainError) return error.status;
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status < 500 ? status : 500;
}

function titleFor(status: number): string {
  if (status === 401) return 'You need to sign in';
  if (status === 403) return 'You cannot do that';
  if (status === 404) return 'Page not found';
  if (status === 429) return 'Too many attempts';
  return 'There is a problem with your request';
}

function sendServerError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: Error,
  options: { showDetail: boolean },
) {
  const detail = options.showDetail ? (error.stack ?? error.message) : undefined;
  if (wantsJson(request)) {
    return reply
      .code(500)
      .send({ error: 'Internal server error', requestId: request.id, ...(detail ? { detail } : {}) });
  }
  return reply.code(500).render('pages/error.njk', {
    pageTitle: 'Sorry, there is a problem with the service',
    paragraphs: [`Try again later. If it keeps happening, quote this reference: ${request.id}.`],
    detail,
  });
}

export function wantsJson(request: FastifyRequest): boolean {
  // The OParl API (src/domains/scrutiny/oparl) is JSON too, beside /api/v1.
  if (
    request.url.startsWith('/api/') ||
    request.url.startsWith('/oparl/') ||
    request.authenticatedBy === 'token'
  )
    return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
