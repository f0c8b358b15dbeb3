import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { packPaths as paths } from './packs.paths.ts';
import { PackJson, PackListJson, PackParams } from './packs.schemas.ts';

/** The issued performance packs, described for the OpenAPI document. */
export const PACKS_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'Issued performance packs, newest quarter first',
      description:
        'The quarterly performance packs Commissioners’ offices have issued for their public accountability meetings: the office, the plan version, the quarter of the financial year (April to March), the edition and when it was issued. Drafts are never listed. Each pack is also a page and a PDF (`pdfUrl`).',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('`{"packs": [Pack…]}`', PackListJson) }, {}),
    },
  },
  [paths.apiPack.openApi]: {
    get: {
      summary: 'One issued performance pack, exactly as issued',
      description:
        'Per plan priority: each measure’s indicators with their SPC judgement, the chart as SVG and every figure as a table; the decisions taken in the quarter (a Part 2 decision as its public description only); then the parts for the whole plan, such as the inspection recommendations open at the end of the quarter. An issued pack never changes; a correction is a new edition.',
      security: SECURITY.public,
      requestParams: { path: PackParams },
      responses: withErrors(
        { '200': jsonResponse('The pack', PackJson) },
        { '400': 'The id is malformed', '404': 'No such pack, or not issued' },
      ),
    },
  },
};
