import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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
    const clientError = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
    const status = clientError ? (error.statusCode as number) : 500;
    if (!clientError) request.log.error({ err: error }, 'request failed');
    return clientError
      ? sendClientError(request, reply, status, error.message)
      : sendServerError(request, reply, error, options);
  });
}

function sendClientError(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (wantsJson(request)) return reply.code(status).send({ error: message, requestId: request.id });
  return reply.code(status).render('pages/error.njk', {
    pageTitle: 'There is a problem with your request',
    paragraphs: [message],
  });
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

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
