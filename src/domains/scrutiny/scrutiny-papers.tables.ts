import type { Generated } from 'kysely';

/** The kinds of file a paper may be, by their media types; the content decides, never the name. */
export const PAPER_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/csv',
] as const;
export type PaperMediaType = (typeof PAPER_MEDIA_TYPES)[number];

export interface ScrutinyPapersTables {
  meeting_paper: {
    id: Generated<number>;
    meeting_id: number;
    agenda_item_id: number | null;
    title: string;
    file_name: string;
    media_type: PaperMediaType;
    byte_size: number;
    sha256: string;
    content: Uint8Array;
    exempt_paragraph: number | null;
    uploaded_at: Generated<Date>;
  };
}
