import type { FastifyReply } from 'fastify';

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  pdf: 'application/pdf',
} as const;

export type DownloadFormat = keyof typeof MEDIA_TYPES;

/**
 * Sends a file beside a figure or a page: its media type, and a Content-Disposition whose name is safe in a
 * header (anything but letters, digits, dot, dash and underscore becomes a dash). `inline` suits feeds that
 * calendar programs subscribe to; everything else is an attachment.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; format: DownloadFormat; body: string | Buffer; inline?: boolean },
): FastifyReply {
  const name = `${file.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.${file.format}`;
  return reply
    .type(MEDIA_TYPES[file.format])
    .header('Content-Disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${name}"`)
    .send(file.body);
}
