import { z } from 'zod';
import { MAX_PAGE, MAX_QUERY_LENGTH } from './search.query.ts';

/** The search's query string, described for OpenAPI (parsed by `parseSearch`, which names each problem). */
export const SearchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional().meta({
    description:
      'What to search for, as typed into a search box: words, "a quoted phrase", `or`, and `-word` to leave a word out',
  }),
  type: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .meta({
      description:
        'Only records of this kind (repeat for several): plan, measure, meeting, paper, minute, recommendation, decision',
    }),
  page: z
    .string()
    .regex(/^[0-9]+$/)
    .optional()
    .meta({ description: `The page of results, from 1 to ${MAX_PAGE}` }),
});

const SegmentJson = z.object({ text: z.string(), match: z.boolean() });

export const SearchResponseJson = z
  .object({
    query: z.string(),
    state: z.enum(['blank', 'no-words', 'found']).meta({
      description:
        '`blank`: nothing was asked; `no-words`: the query has no word that can be searched for; `found`: the matches (possibly none)',
    }),
    types: z.array(z.string()),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().meta({ description: 'Matches of the chosen types' }),
    counts: z.array(z.object({ type: z.string(), label: z.string(), count: z.number().int() })).meta({
      description: 'Matches of every type, whatever the type filter',
    }),
    results: z.array(
      z.object({
        type: z.string(),
        label: z.string(),
        title: z.string(),
        url: z.string().meta({ description: 'The absolute address of the record’s page' }),
        date: z.string().nullable(),
        rank: z.number().int().meta({ description: 'Position in the whole list, from 1' }),
        highlight: z.array(SegmentJson).meta({
          description: 'A passage of the record with the matched words as segments whose `match` is true',
        }),
      }),
    ),
  })
  .meta({ id: 'SearchResults' });
