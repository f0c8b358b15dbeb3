import { z } from 'zod';
import { recordId, requiredText } from '../../../kernel/http/form-fields.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';

export const PaperIdParams = MeetingIdParams.extend({ paperId: recordId });

/**
 * What comes with an uploaded paper's bytes, in the query string (the body is the file itself): the file's
 * own name, and optionally a title, the agenda item it belongs to and an exempt paragraph of its own.
 */
export const PaperUploadQuerySchema = z.object({
  name: requiredText(255, 'Choose a file', 'The file’s name'),
  title: z.string().trim().max(300, 'Title must be 300 characters or fewer').default(''),
  agendaItem: z
    .union([z.literal(''), recordId], { message: 'Select the agenda item, or the meeting as a whole' })
    .default(''),
  exemptParagraph: z
    .enum(['', '1', '2', '3', '4', '5', '6', '7'], {
      message: 'Select whether the paper is public or exempt',
    })
    .default('')
    .transform((value) => (value ? Number(value) : null)),
});
export type PaperUploadQuery = z.infer<typeof PaperUploadQuerySchema>;

export const NewPaperQuerySchema = z.object({ agendaItem: z.union([z.literal(''), recordId]).default('') });
