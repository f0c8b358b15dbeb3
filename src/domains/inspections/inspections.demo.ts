import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import { loadInspectionsText } from './inspections.files.ts';
import type { InspectionsService } from './inspections.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/inspections');

/**
 * Illustrative: the response and progress the ledger records against the demo PEEL report's first
 * recommendation, so its page shows a recommendation being worked on (see the demo README).
 */
const DEMO_UPDATES = {
  report: { body: 'thames-valley-pcc', code: 'PEEL-2025' },
  finding: 'R1',
  response: {
    response: 'accepted' as const,
    responseText: 'Accepted: the force is recruiting call handlers and changing its shift pattern.',
    respondedOn: '2025-09-12',
  },
  progress: [
    { reportedOn: '2025-12-01', text: 'Twenty call handlers recruited; answer times improving.' },
    { reportedOn: '2026-03-02', text: 'New shift pattern in place; emergency calls answered within target.' },
  ],
};

async function seedLedgerUpdates(
  inspections: InspectionsService,
  ledger: RecommendationsLedgerService,
  actor: Actor,
) {
  const { report, finding, response, progress } = DEMO_UPDATES;
  const { inspection } = await inspections.readInspection(actor, report.body, report.code);
  const reference = `${report.code}/${finding}`;
  const id = inspection.findings.find((each) => each.ledger?.reference === reference)?.recommendationId;
  if (!id || (await ledger.readRecommendation(actor, id)).recommendation.response !== null) return;
  await ledger.recordResponse(actor, id, response);
  for (const update of progress) await ledger.addProgress(actor, id, update);
}

/**
 * The demo inspections files in data/demo/inspections, loaded as an officer's file would be, then the
 * ledger's illustrative updates. The files match reports by code and findings by number, and the updates are
 * made only once, so loading again changes nothing.
 */
export async function seedDemoInspections(
  inspections: InspectionsService,
  ledger: RecommendationsLedgerService,
  actor: Actor,
): Promise<string[]> {
  let loaded = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadInspectionsText(inspections, actor, text, name);
    if (result.changes) loaded += result.inspections;
  }
  await seedLedgerUpdates(inspections, ledger, actor);
  return loaded ? [`${loaded} inspection report${loaded === 1 ? '' : 's'}`] : [];
}
