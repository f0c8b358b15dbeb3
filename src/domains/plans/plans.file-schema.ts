import { z } from 'zod';
import { webAddress } from '../../kernel/http/web-address.ts';
import { STATUTORY_SECTIONS } from './plans.statutory.ts';
import { PLAN_STEPS } from './plans.tables.ts';

/**
 * The plan file: a whole Police and Crime Plan (or a candidate's manifesto plan) as YAML or JSON, so a
 * force area can start from a file and a plan can be exported and imported unchanged. Codes are stable
 * identifiers within a plan, kept across versions: they are how two versions are compared.
 */

const code = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/,
    'must be letters and digits, joined by dots or hyphens (e.g. P1.2)',
  );
const title = z.string().trim().min(1, 'must not be blank').max(300, 'must be 300 characters or fewer');
const text = z.string().trim().min(1, 'must not be blank').max(4000, 'must be 4000 characters or fewer');
const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const MEASURE_DIRECTIONS = ['increase', 'decrease', 'maintain-low', 'neutral'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

export const MeasureFileSchema = z.object({
  code,
  /** The measure's wording, as the plan states it. */
  text,
  /** Which way a good change goes: the SPC judgement reads improvement or concern from this. */
  direction: z.enum(MEASURE_DIRECTIONS, { message: `must be one of ${MEASURE_DIRECTIONS.join(', ')}` }),
});

export const AimFileSchema = z.object({ code, text });

export const PriorityFileSchema = z.object({
  code,
  title,
  summary: text.optional(),
  /** Key aims: "what success will look like". */
  aims: z.array(AimFileSchema).default([]),
  measures: z.array(MeasureFileSchema).default([]),
});

export const PillarFileSchema = z.object({
  code,
  title,
  summary: text.optional(),
  priorities: z.array(PriorityFileSchema).min(1, 'must have at least one priority'),
});

/** Enablers, Strategic Policing Requirement threats and National Crime and Policing Measures. */
export const LinkedItemFileSchema = z.object({
  code,
  title,
  summary: text.optional(),
  /** Codes of the plan priorities this item supports. */
  priorities: z.array(code).default([]),
});

const sectionText = z
  .string()
  .trim()
  .min(1, 'must not be blank: leave the section out until it is written')
  .max(20000, 'must be 20000 characters or fewer');

export const StatutoryContentsFileSchema = z.strictObject(
  Object.fromEntries(STATUTORY_SECTIONS.map((section) => [section, sectionText.optional()])) as Record<
    (typeof STATUTORY_SECTIONS)[number],
    z.ZodOptional<typeof sectionText>
  >,
  { message: `must be a map of sections: ${STATUTORY_SECTIONS.join(', ')}` },
);

export const PlanFileSchema = z
  .object({
    format: z.literal('peelian-plan/1', { message: 'must be peelian-plan/1' }),
    plan: z.object({
      slug,
      title,
      /** The body's slug (e.g. thames-valley-pcc): the local policing body that owns the plan. */
      body: slug,
      /** The police.uk force slug of the area (e.g. thames-valley). */
      forceArea: slug,
      /** The plan's author and office: today a Police and Crime Commissioner; tomorrow perhaps a mayor. */
      authorName: title,
      authorOffice: title,
      termStart: isoDate,
      termEnd: isoDate,
      /** The ordinary election the plan follows: it must be issued by the end of that financial year. */
      electionDate: isoDate.optional(),
      summary: text.optional(),
      /** Where the plan was published, for people to read the original. */
      sourceUrl: webAddress().optional(),
    }),
    pillars: z.array(PillarFileSchema).min(1, 'must have at least one pillar'),
    enablers: z.array(LinkedItemFileSchema).default([]),
    strategicPolicingRequirement: z.array(LinkedItemFileSchema).default([]),
    nationalMeasures: z.array(LinkedItemFileSchema).default([]),
    /** What the plan sets out besides its objectives (PRSRA 2011 s7(1)(b)-(f)), each section optional. */
    statutoryContents: StatutoryContentsFileSchema.optional(),
  })
  .superRefine((file, ctx) => {
    if (file.plan.termEnd <= file.plan.termStart) {
      ctx.addIssue({ code: 'custom', path: ['plan', 'termEnd'], message: 'must be after termStart' });
    }
    const seen = new Map<string, string>();
    const claim = (value: string, path: (string | number)[]) => {
      const where = path.join('.');
      const first = seen.get(value);
      if (first)
        ctx.addIssue({ code: 'custom', path, message: `repeats the code ${value} already used at ${first}` });
      else seen.set(value, where);
    };
    const priorityCodes = new Set<string>();
    file.pillars.forEach((pillar, p) => {
      claim(pillar.code, ['pillars', p, 'code']);
      pillar.priorities.forEach((priority, q) => {
        const base = ['pillars', p, 'priorities', q];
        claim(priority.code, [...base, 'code']);
        priorityCodes.add(priority.code);
        priority.aims.forEach((aim, a) => {
          claim(aim.code, [...base, 'aims', a, 'code']);
        });
        priority.measures.forEach((measure, m) => {
          claim(measure.code, [...base, 'measures', m, 'code']);
        });
      });
    });
    for (const list of ['enablers', 'strategicPolicingRequirement', 'nationalMeasures'] as const) {
      file[list].forEach((item, i) => {
        claim(item.code, [list, i, 'code']);
        item.priorities.forEach((priority, j) => {
          if (!priorityCodes.has(priority)) {
            ctx.addIssue({
              code: 'custom',
              path: [list, i, 'priorities', j],
              message: `names ${priority}, which is not a priority in this plan`,
            });
          }
        });
      });
    }
  });

export type PlanFile = z.infer<typeof PlanFileSchema>;

/**
 * A manifesto or a consultation's findings: what someone asked the plan to cover, each point mapped to the
 * plan priorities that answer it (none: a gap the coverage report shows).
 */
export const CoverageFileSchema = z.object({
  format: z.literal('peelian-coverage/1', { message: 'must be peelian-coverage/1' }),
  source: z.object({
    slug,
    kind: z.enum(['manifesto', 'consultation'], { message: 'must be manifesto or consultation' }),
    title,
    author: title,
    publishedOn: isoDate,
    /** The slug of the plan whose priorities the points are mapped to. */
    plan: slug,
  }),
  points: z
    .array(
      z.object({
        code,
        /** The heading the point sits under in the source (e.g. the manifesto priority). */
        group: title,
        text,
        priorities: z.array(code).default([]),
      }),
    )
    .min(1, 'must have at least one point'),
});

export type CoverageFile = z.infer<typeof CoverageFileSchema>;

/**
 * Steps a plan has been through, with the day of each (the route of s. 5 and s. 28 of the Police Reform and
 * Social Responsibility Act 2011: the chief constable consulted, the draft sent to the Panel, the plan
 * issued), in the order they happened, each with a note saying where its date comes from. The demo records
 * them when it loads the plan.
 */
export const PlanStepsFileSchema = z.object({
  format: z.literal('peelian-plan-steps/1', { message: 'must be peelian-plan-steps/1' }),
  plan: slug,
  steps: z
    .array(
      z.object({
        step: z.enum(PLAN_STEPS, { message: 'must be a plan step' }),
        occurredOn: isoDate,
        note: text,
      }),
    )
    .min(1, 'must have at least one step')
    .refine(
      (steps) => steps.every((step, i) => i === 0 || (steps[i - 1]?.occurredOn ?? '') <= step.occurredOn),
      {
        message: 'must list the steps in the order they happened',
      },
    ),
});

export type PlanStepsFile = z.infer<typeof PlanStepsFileSchema>;
