import { ValidationError } from '../../../kernel/errors.ts';

/** A form sent as multipart/form-data (RFC 7578): its text fields, and its files by field name. */
export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, { fileName: string; bytes: Buffer }>;
}

const malformed = () =>
  new ValidationError([{ field: 'file', message: 'The form could not be read: send it again' }]);

/** The boundary a multipart/form-data Content-Type names. */
export function boundaryOf(contentType: string | undefined): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw malformed();
  return boundary;
}

/** A part's name and file name, from its Content-Disposition header (browsers escape quotes as %22). */
function dispositionOf(headers: string): { name: string; fileName: string | null } {
  const line = headers.split('\r\n').find((header) => /^content-disposition:/i.test(header)) ?? '';
  const name = /;\s*name="([^"]*)"/i.exec(line)?.[1];
  const fileName = /;\s*filename="([^"]*)"/i.exec(line)?.[1];
  if (name === undefined) throw malformed();
  return { name, fileName: fileName === undefined ? null : fileName };
}

/**
 * Reads a whole multipart body, already held in memory within the route's size limit. Small enough to need no
 * library: the form has one file and a few text fields, as a browser without JavaScript sends them.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const form: MultipartForm = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) throw malformed();
  position += delimiter.length;
  while (body.subarray(position, position + 2).toString('latin1') !== '--') {
    if (body.subarray(position, position + 2).toString('latin1') !== '\r\n') throw malformed();
    const headersEnd = body.indexOf('\r\n\r\n', position + 2);
    if (headersEnd < 0) throw malformed();
    const end = body.indexOf(nextDelimiter, headersEnd + 4);
    if (end < 0) throw malformed();
    const { name, fileName } = dispositionOf(body.subarray(position + 2, headersEnd).toString('utf8'));
    const content = body.subarray(headersEnd + 4, end);
    if (fileName === null) form.fields[name] = content.toString('utf8');
    else form.files[name] = { fileName, bytes: Buffer.from(content) };
    position = end + nextDelimiter.length;
  }
  return form;
}
