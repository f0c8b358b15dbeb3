import { z } from 'zod';
import { optionalText, recordId, requiredText } from '../../../kernel/http/form-fields.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';

/** The longest question any panel may allow; each panel sets its own limit at or below this. */
export const QUESTION_TEXT_CAP = 20_000;

export const QuestionIdParams = MeetingIdParams.extend({
  questionId: recordId,
});

export const QuestionFormSchema = z.object({
  name: requiredText(200, 'Enter your name', 'Name'),
  email: z
    .string({ message: 'Enter your email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address')
    .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.com' })),
  text: z
    .string({ message: 'Enter your question' })
    .trim()
    .min(1, 'Enter your question')
    .max(QUESTION_TEXT_CAP, `Question must be ${QUESTION_TEXT_CAP} characters or fewer`),
  // The honeypot: hidden from people, filled in by robots that complete every field.
  website: z.string().default(''),
});
export type QuestionForm = z.infer<typeof QuestionFormSchema>;

export const DecisionFormSchema = z.object({
  status: z.enum(['accepted', 'rejected', 'referred-to-force'], {
    message: 'Select whether to accept, reject or refer the question',
  }),
  reason: optionalText(2000, 'Reason'),
});
export type DecisionForm = z.infer<typeof DecisionFormSchema>;
