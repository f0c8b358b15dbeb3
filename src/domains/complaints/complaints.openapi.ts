import { z } from 'zod';
import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { complaintsPaths as paths } from './complaints.paths.ts';
import { PanelParams } from './complaints.schemas.ts';

const count = (description: string) => z.int().min(0).meta({ description });

/** A Panel's complaints counted by year: the only part of the cases the API gives. */
export const ComplaintCountsJson = z
  .object({
    type: z.literal('ComplaintCounts'),
    organization: z.object({ slug: z.string(), name: z.string() }),
    years: z.array(
      z.object({
        year: z.string().meta({ description: 'The financial year the Panel received them in, e.g. 2025-26' }),
        received: count('Complaints and conduct matters received'),
        conductMatters: count('Of those, conduct matters (PRSRA 2011 s31(1)(b)), which have no complainant'),
        recorded: count('Recorded by the Panel (SI 2012/62 reg 9)'),
        notRecorded: count('Not recorded, the complainant told why (reg 10)'),
        awaitingDecision: count('Not yet decided whether to record'),
        referredToIopc: count('Referred to the IOPC as serious complaints or conduct matters (reg 13)'),
        resolvedInformally: count('Resolved informally (reg 28)'),
        noFurtherAction: count('Handled otherwise or with no action, as reg 15(2)-(3) allows'),
        withdrawn: count('Withdrawn by the complainant (reg 16)'),
        open: count('Not yet closed by the Panel'),
      }),
    ),
  })
  .meta({ id: 'ComplaintCounts' });

/** The complaints' public operation, described for the OpenAPI document. */
export const COMPLAINTS_OPENAPI: OpenApiPaths = {
  [paths.apiPanel.openApi]: {
    get: {
      summary: 'How many complaints about the Commissioner a Panel received, and how they ended, by year',
      description:
        'Counts only: complaints about the Police and Crime Commissioner or deputy, and conduct matters, handled by the Police and Crime Panel (PRSRA 2011 s31 and Sch 7; SI 2012/62). Cases are confidential and never given.',
      security: SECURITY.public,
      requestParams: { path: PanelParams },
      responses: withErrors(
        { '200': jsonResponse('The Panel’s counts by year, newest first', ComplaintCountsJson) },
        { '400': 'The panel is malformed', '404': 'No such Police and Crime Panel' },
      ),
    },
  },
};
