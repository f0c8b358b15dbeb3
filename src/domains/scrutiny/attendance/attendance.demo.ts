import path from 'node:path';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { parseYamlFile, readYamlFiles } from '../../../kernel/formats/yaml-file.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { AttendanceFileSchema } from './attendance.file-schema.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/scrutiny/attendance');

/** Attendance and declarations from data/demo/scrutiny/attendance, after the panels' meetings. Safe to repeat. */
export async function seedDemoAttendance(
  scrutiny: ScrutinyService,
  actor: Actor,
): Promise<{ attendanceRecords: number }> {
  let attendanceRecords = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const file = parseYamlFile(AttendanceFileSchema, text, name);
    attendanceRecords += (await scrutiny.attendance.importAttendanceFile(actor, file)).meetings;
  }
  return { attendanceRecords };
}
