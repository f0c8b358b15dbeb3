import type { OpenApiPaths } from '../api/api.routes.ts';

const areaParameter = {
  name: 'area',
  in: 'query',
  required: false,
  description:
    'A local authority GSS code (e.g. E06000038) to show its figures where an indicator has them; the whole force area when absent. An indicator with force-wide figures only says so (forceWideOnly).',
  schema: { type: 'string', pattern: '^[EW]\\d{8}$' },
};

const judgementValues = [
  'improving',
  'deteriorating',
  'no-significant-change',
  'unusually-high',
  'unusually-low',
  'trial',
  'awaiting-data',
];

const spcPoint = {
  type: 'object',
  required: ['month', 'value', 'judged', 'mean', 'upperLimit', 'lowerLimit', 'rule', 'type'],
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    value: { type: 'number' },
    numerator: { type: 'number' },
    denominator: { type: ['number', 'null'] },
    judged: { type: 'boolean', description: 'false for months before the last gap, which are not judged' },
    mean: { type: ['number', 'null'] },
    upperLimit: { type: ['number', 'null'] },
    lowerLimit: { type: ['number', 'null'] },
    rule: { type: ['string', 'null'], enum: ['outside-limits', 'trend', 'two-of-three', 'shift', null] },
    type: {
      type: ['string', 'null'],
      enum: ['common-cause', 'improvement', 'concern', 'neutral-high', 'neutral-low', null],
    },
    notJudged: {
      type: ['string', 'null'],
      enum: ['before-gap', 'trial-limits', null],
      description:
        'why the month has no rule or type: before the last gap, or judged on trial limits (fewer than 13 months), too uncertain to call a change',
    },
  },
};

const indicator = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string', enum: ['crime-count', 'crime-rate', 'outcome-share', 'series'] },
    source: { type: 'string' },
    unit: { type: 'string' },
    geography: { type: 'string', enum: ['force-area', 'local-authority'] },
    frequency: { type: 'string', enum: ['monthly'] },
    judgement: { type: 'string', enum: judgementValues },
    variation: {
      type: ['string', 'null'],
      description:
        'the latest month’s type; null when nothing is judged or the limits are trial limits (see trialLimits)',
    },
    trialLimits: { type: ['boolean', 'null'] },
    period: {
      type: ['object', 'null'],
      properties: { from: { type: 'string' }, to: { type: 'string' }, months: { type: 'integer' } },
    },
    notJudged: {
      type: 'object',
      properties: {
        months: { type: 'array', items: { type: 'string' } },
        missingMonths: { type: 'array', items: { type: 'string' } },
      },
    },
    points: { type: 'array', items: spcPoint },
  },
};

const description =
  'The plan in force is the latest issued version of the plan whose term includes today (preferring the ' +
  'installation’s own force area). Each indicator is judged by statistical process control (XmR) over its ' +
  'latest run of months with no gap; earlier months are listed in notJudged, never judged across a gap. ' +
  'Fewer than 13 months give trial limits and the judgement "trial".';

export const JUDGEMENTS_OPENAPI: OpenApiPaths = {
  '/api/v1/scorecard': {
    get: {
      summary: 'Every measure of the plan in force, each indicator judged (without its points)',
      description,
      parameters: [areaParameter],
      responses: {
        '200': { description: 'The plan, the area shown, and each measure with its indicators’ judgements' },
        '400': { description: 'The area is not a local authority of the force area' },
      },
    },
  },
  '/api/v1/scorecard/measures/{code}': {
    get: {
      summary:
        'One measure of the plan in force: its indicators, every month with its SPC fields, the judgement',
      description,
      parameters: [
        {
          name: 'code',
          in: 'path',
          required: true,
          description: 'The measure code, e.g. PC1.M1',
          schema: { type: 'string' },
        },
        areaParameter,
      ],
      responses: {
        '200': {
          description: 'The measure and its indicators',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  plan: { type: 'object' },
                  area: { type: 'object' },
                  measure: { type: 'object' },
                  indicators: { type: 'array', items: indicator },
                },
              },
            },
          },
        },
        '400': { description: 'The area is not a local authority of the force area' },
        '404': { description: 'No plan is in force, or the code is not one of its measures' },
      },
    },
  },
};
