import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the inspections register. A report's code is unique within its office, so both name it. */
export const inspectionPaths = {
  list: pathTo('/inspections'),
  csv: pathTo('/inspections.csv'),
  json: pathTo('/inspections.json'),
  open: pathTo('/inspections/open-recommendations'),
  openCsv: pathTo('/inspections/open-recommendations.csv'),
  add: pathTo('/inspections/new'),
  inspection: pathTo('/inspections/:body/:code'),
  grades: pathTo('/inspections/:body/:code/grades'),
  findings: pathTo('/inspections/:body/:code/findings'),
  editFinding: pathTo('/inspections/:body/:code/findings/:kind/:number/edit'),
  response: pathTo('/inspections/:body/:code/response'),
  publish: pathTo('/inspections/:body/:code/publish'),
  apiList: pathTo('/api/v1/inspections'),
  apiInspection: pathTo('/api/v1/inspections/:body/:code'),
} as const;
