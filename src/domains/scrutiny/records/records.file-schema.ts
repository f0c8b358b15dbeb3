import { z } from 'zod';
import {
  OUTCOME_KINDS,
  parseMeasureAddress,
  RECOMMENDATION_ORIGINS,
  RESPONSE_KINDS,
} from '../../recommendations/index.ts';
import { exemptParagraph, optionalText, orNull, slug, text } from '../scrutiny.file-fields.ts';
import { SCRUTINY_FUNCTIONS } from '../scrutiny-functions.ts';
import { DECISION_KINDS, FUNCTION_MODES, GROUP_KINDS, GROUP_ROLES } from '../scrutiny-records.tables.ts';

const date = z.iso.date();
const optionalDate = orNull(date);
const optionalFunction = orNull(z.enum(SCRUTINY_FUNCTIONS));
const optionalPositive = orNull(z.number().int().positive());

/** Flags the second of any two entries that share a key, at that entry's path. */
function unique<T>(key: (entry: T) => string | number, field: string, words: string) {
  return (entries: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string | number>();
    for (const [index, entry] of entries.entries()) {
      const value = key(entry);
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', path: [index, field], message: `${words} ${value} appears twice` });
      seen.add(value);
    }
  };
}

const ActionEntry = z.strictObject({
  text,
  owner: text,
  due: optionalDate,
  done: optionalDate,
});

const GroupEntry = z.strictObject({
  slug,
  name: text,
  kind: z.enum(GROUP_KINDS),
  termsOfReference: text,
  established: optionalDate,
  ends: optionalDate,
  functions: z
    .array(z.strictObject({ function: z.enum(SCRUTINY_FUNCTIONS), mode: z.enum(FUNCTION_MODES) }))
    .default([])
    .superRefine(unique((entry) => entry.function, 'function', 'function')),
  // Members by the name the panel's member list gives them.
  members: z
    .array(z.strictObject({ name: text, role: z.enum(GROUP_ROLES).default('member') }))
    .default([])
    .superRefine(unique((entry) => entry.name, 'name', 'member')),
});

const MinuteItemEntry = z.strictObject({
  number: z.number().int().positive(),
  // The agenda item's number on the meeting's agenda.
  agendaItem: optionalPositive,
  title: text,
  text,
  exemptParagraph: orNull(exemptParagraph),
  decisions: z.array(z.strictObject({ kind: z.enum(DECISION_KINDS), text })).default([]),
  actions: z.array(ActionEntry).default([]),
});

const MinutesEntry = z.strictObject({
  // The London date of the meeting minuted, and of the later meeting that approved the minutes, if any.
  meeting: date,
  approvedAt: optionalDate,
  items: z
    .array(MinuteItemEntry)
    .min(1)
    .superRefine(unique((entry) => entry.number, 'number', 'minute')),
});

const measureAddress = z.string().transform((address, ctx) => {
  const link = parseMeasureAddress(address);
  if (!link)
    ctx.addIssue({
      code: 'custom',
      message: 'write a measure as <plan slug>/<measure code>, e.g. my-plan/P1.M2',
    });
  return link ?? { plan: '', measure: '' };
});

const RecommendationEntry = z
  .strictObject({
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/),
    origin: z.enum(RECOMMENDATION_ORIGINS),
    group: optionalText,
    meeting: optionalDate,
    minute: optionalPositive,
    // Which of the minute's decisions it records (1 for the first), when the minutes record it.
    decision: optionalPositive,
    sourceTitle: optionalText,
    madeOn: optionalDate,
    function: optionalFunction,
    topic: optionalText,
    text,
    addressee: text,
    responseDue: optionalDate,
    response: orNull(z.strictObject({ kind: z.enum(RESPONSE_KINDS), text, on: date })),
    actions: z.array(ActionEntry).default([]),
    progress: z.array(z.strictObject({ on: date, text })).default([]),
    outcome: orNull(z.strictObject({ kind: z.enum(OUTCOME_KINDS), text: optionalText, on: date })),
    // The plan measures it is about, as `<plan slug>/<measure code>`; checked against the plan when loaded.
    measures: z.array(measureAddress).default([]),
  })
  .superRefine((entry, ctx) => {
    const fromGroup = entry.origin === 'sub-committee' || entry.origin === 'task-and-finish-group';
    if (fromGroup !== (entry.group !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['group'],
        message: fromGroup
          ? 'give the slug of the group that made the recommendation'
          : 'only a sub-committee or task-and-finish group recommendation names a group',
      });
    if (entry.origin === 'panel' && entry.meeting === null)
      ctx.addIssue({
        code: 'custom',
        path: ['meeting'],
        message: 'give the date of the meeting that made it',
      });
    if (['inspection', 'audit', 'other'].includes(entry.origin) && entry.sourceTitle === null)
      ctx.addIssue({ code: 'custom', path: ['sourceTitle'], message: 'give the title of the report' });
    if (entry.minute !== null && entry.meeting === null)
      ctx.addIssue({ code: 'custom', path: ['meeting'], message: 'give the date of the minuted meeting' });
    if (entry.decision !== null && entry.minute === null)
      ctx.addIssue({
        code: 'custom',
        path: ['minute'],
        message: 'give the number of the minute the decision is in',
      });
  });

const WorkProgrammeEntry = z.strictObject({
  programme: z.string().regex(/^\d{4}\/\d{2}$/, 'write the programme year as 2016/17'),
  date,
  mainFocus: optionalText,
  function: optionalFunction,
  items: z.array(z.strictObject({ title: text, function: optionalFunction })).default([]),
});

/**
 * A scrutiny body's records as a reviewed file (YAML or JSON): its groups, minutes, recommendations and
 * work programme. Meetings are named by their London date; they must already be in the panel's file.
 */
export const RecordsFileSchema = z.strictObject({
  format: z.literal('peelian-scrutiny-records/1'),
  body: slug,
  groups: z
    .array(GroupEntry)
    .default([])
    .superRefine(unique((entry) => entry.slug, 'slug', 'group')),
  minutes: z
    .array(MinutesEntry)
    .default([])
    .superRefine(unique((entry) => entry.meeting, 'meeting', 'the minutes of')),
  recommendations: z
    .array(RecommendationEntry)
    .default([])
    .superRefine(unique((entry) => entry.reference, 'reference', 'reference'))
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      for (const [index, entry] of entries.entries()) {
        if (entry.decision === null) continue;
        const key = `decision ${entry.decision} of minute ${entry.minute}`;
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: [index, 'decision'], message: `${key} is entered twice` });
        seen.add(key);
      }
    }),
  workProgramme: z
    .array(WorkProgrammeEntry)
    .default([])
    .superRefine(unique((entry) => entry.date, 'date', 'the meeting of')),
});
export type RecordsFile = z.infer<typeof RecordsFileSchema>;
export type GroupFileEntry = RecordsFile['groups'][number];
export type MinutesFileEntry = RecordsFile['minutes'][number];
export type RecommendationFileEntry = RecordsFile['recommendations'][number];
export type WorkProgrammeFileEntry = RecordsFile['workProgramme'][number];
