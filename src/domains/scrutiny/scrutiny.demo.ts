import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { seedDemoAttendance } from './attendance/attendance.demo.ts';
import { comingDemoMeetings } from './meetings/coming.demo.ts';
import { parsePanelFile } from './meetings/panel.files.ts';
import { seedDemoScrutinyRecords } from './records/records.demo.ts';
import type { ScrutinyService } from './scrutiny.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/scrutiny');

/**
 * The demo bodies from data/demo/scrutiny (the panel, and the Commissioner's own public accountability
 * meeting): members, question rules, meetings and agendas, then the panel's records
 * (minutes, recommendations, groups, work programme), and coming demonstration meetings dated from `now` so
 * public questions can be tried. Safe to repeat: it adds what is missing and leaves what users changed.
 */
export async function seedDemoScrutiny(scrutiny: ScrutinyService, actor: Actor, now = new Date()) {
  let panelMembers = 0;
  let meetings = 0;
  let comingMeetings = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const file = parsePanelFile(text, name);
    const result = await scrutiny.importPanelFile(actor, file, 'add-missing');
    panelMembers += result.members;
    meetings += result.meetings;
    // Coming meetings are there to try public questions on, so only a body with a scheme gets them.
    if (file.questionRules)
      comingMeetings += (await scrutiny.importPanelFile(actor, comingDemoMeetings(now, file), 'add-missing'))
        .meetings;
  }
  const attendance = await seedDemoAttendance(scrutiny, actor);
  return {
    panelMembers,
    meetings,
    comingMeetings,
    ...(await seedDemoScrutinyRecords(scrutiny.records, actor)),
    ...attendance,
  };
}
