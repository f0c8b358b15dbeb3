import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, ValidationError } from '../errors.ts';
import { sendDownload } from './download.ts';
import { formRoute } from './form-route.ts';

async function appWithForm() {
  const app = Fastify();
  await app.register(formbody);
  const saved: string[] = [];
  app.post(
    '/things',
    formRoute({
      schema: z.object({ name: z.string().trim().min(1, 'Enter a name') }),
      act: async ({ name }) => {
        if (name === 'taken') throw new ValidationError([{ field: 'name', message: 'That name is taken' }]);
        saved.push(name);
        return { id: saved.length };
      },
      redirectTo: ({ id }) => `/things/${id}`,
      render: async (_request, reply, problem) => reply.send(problem),
    }),
  );
  app.post(
    '/files',
    formRoute({
      schema: z.object({ 'rows.0.name': z.string().min(1, 'Name the first row') }),
      act: async () => {
        throw new ConflictError('That file is loaded already');
      },
      redirectTo: () => '/files',
      render: async (_request, reply, problem) => reply.send(problem),
      refusal: (error) =>
        error instanceof ConflictError ? [{ field: 'file', message: error.message }] : undefined,
      summarise: (errors) => errors.map((error) => ({ ...error, field: error.field.replaceAll('.', '-') })),
    }),
  );
  app.post(
    '/secrets',
    formRoute({
      schema: z.object({ name: z.string().min(1, 'Enter a name') }),
      act: async ({ name }, _request, reply) => {
        reply.header('X-Made', name);
        return `secret for ${name}`;
      },
      respond: async (secret, _request, reply) => reply.send({ secret }),
      render: async (_request, reply, problem) => reply.send(problem),
    }),
  );
  app.get('/things.csv', async (_request, reply) =>
    sendDownload(reply, { name: 'things of "Thames Valley"', format: 'csv', body: 'a,b\n' }),
  );
  return { app, saved };
}

describe('formRoute', () => {
  it('acts on a valid form and redirects with 303 to where the result lives', async () => {
    const { app, saved } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: ' Reading ' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/things/1');
    expect(saved).toEqual(['Reading']);
  });

  it('re-renders with 400, the error summary and the submitted values when the input is refused', async () => {
    const { app, saved } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: '  ' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      values: { name: '  ' },
      errorList: [{ text: 'Enter a name', href: '#name' }],
      fieldErrors: { name: { text: 'Enter a name' } },
      errors: [{ field: 'name', message: 'Enter a name' }],
    });
    expect(saved).toEqual([]);
  });

  it('treats a refusal by the action like a refused input', async () => {
    const { app } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: 'taken' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().values).toEqual({ name: 'taken' });
    expect(response.json().errorList).toEqual([{ text: 'That name is taken', href: '#name' }]);
  });
});

describe('formRoute that shows its result once', () => {
  it('responds with the result, and with what the action set on the reply', async () => {
    const { app } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/secrets', payload: { name: 'Jo' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-made']).toBe('Jo');
    expect(response.json()).toEqual({ secret: 'secret for Jo' });
  });
});

describe('formRoute with a refusal and a summary of its own', () => {
  it('shows the summary made from the errors, and keeps every error as refused for the page', async () => {
    const { app } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/files', payload: { 'rows.0.name': '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      values: { 'rows.0.name': '' },
      errorList: [{ text: 'Name the first row', href: '#rows-0-name' }],
      fieldErrors: { 'rows-0-name': { text: 'Name the first row' } },
      errors: [{ field: 'rows.0.name', message: 'Name the first row' }],
    });
  });

  it('shows a refusal it is told of as a mistake against its field', async () => {
    const { app } = await appWithForm();
    const response = await app.inject({ method: 'POST', url: '/files', payload: { 'rows.0.name': 'a' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errorList).toEqual([{ text: 'That file is loaded already', href: '#file' }]);
  });
});

describe('sendDownload', () => {
  it('sends the media type and an attachment name safe in a header', async () => {
    const { app } = await appWithForm();
    const response = await app.inject({ method: 'GET', url: '/things.csv' });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="things-of-Thames-Valley-.csv"',
    );
    expect(response.body).toBe('a,b\n');
  });
});
