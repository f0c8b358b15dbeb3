import type { Database, Narrowed } from '../../kernel/db/table-types.ts';

/** The kinds of file a paper may be, by their media types; the content decides, never the name. */
export const PAPER_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/csv',
] as const;
export type PaperMediaType = (typeof PAPER_MEDIA_TYPES)[number];

export interface ScrutinyPapersTables
  extends Narrowed<
    Pick<Database, 'meetingPaper'>,
    {
      meetingPaper: {
        mediaType: PaperMediaType;
      };
    }
  > {}
