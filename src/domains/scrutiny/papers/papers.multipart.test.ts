import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/errors.ts';
import { boundaryOf, parseMultipart } from './papers.multipart.ts';

async function serialise(form: FormData) {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('reading a multipart form', () => {
  it('reads the text fields and the file, bytes intact, as the platform serialises them', async () => {
    const form = new FormData();
    form.append('_csrf', 'token');
    form.append('title', 'Budget – 2027 “draft”');
    const bytes = Buffer.from([0, 13, 10, 45, 45, 255, 10]);
    form.append('file', new Blob([new Uint8Array(bytes)]), 'budget.pdf');
    const { body, contentType } = await serialise(form);
    const parsed = parseMultipart(body, boundaryOf(contentType));
    expect(parsed.fields).toEqual({ _csrf: 'token', title: 'Budget – 2027 “draft”' });
    expect(parsed.files.file?.fileName).toBe('budget.pdf');
    expect(parsed.files.file?.bytes.equals(bytes)).toBe(true);
  });

  it('takes a quoted boundary, and refuses a body that is cut short or names no boundary', async () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(() => boundaryOf('multipart/form-data')).toThrow(ValidationError);
    const form = new FormData();
    form.append('title', 'x');
    const { body, contentType } = await serialise(form);
    expect(() => parseMultipart(body.subarray(0, body.length - 10), boundaryOf(contentType))).toThrow(
      'The form could not be read',
    );
  });
});
