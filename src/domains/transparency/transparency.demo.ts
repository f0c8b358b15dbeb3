import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseYamlFile } from '../../kernel/formats/yaml-file.ts';
import { parseContractsCsv, parseSpendingCsv } from './transparency.csv.ts';
import type { TransparencyService } from './transparency.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/transparency');
const BODY = 'thames-valley-pcc';
const SPENDING_FILE = /^thames-valley-spending-(\d{4}-\d{2})\.csv$/;

const DemoRecords = z.object({
  body: z.string(),
  records: z.array(
    z.object({
      duty: z.string(),
      metOn: z.iso.date(),
      period: z.string().nullable().default(null),
      evidenceUrl: z.string().nullable().default(null),
      note: z.string().nullable().default(null),
    }),
  ),
});

/** The officers' records, each added once: a record already there (same duty, date and evidence) is kept. */
async function seedRecords(transparency: TransparencyService, actor: Actor): Promise<number> {
  const file = parseYamlFile(DemoRecords, fs.readFileSync(path.join(DEMO_DIR, 'duty-records.yaml'), 'utf8'));
  const register = await transparency.readRegister(actor, file.body);
  const held = new Set(
    register.duties.flatMap((line) =>
      line.records.map((record) => `${line.duty.code}|${record.metOn}|${record.evidenceUrl}|${record.note}`),
    ),
  );
  let added = 0;
  for (const record of file.records) {
    if (held.has(`${record.duty}|${record.metOn}|${record.evidenceUrl}|${record.note}`)) continue;
    await transparency.recordDutyMet(actor, file.body, record);
    added += 1;
  }
  return added;
}

/**
 * The illustrative Thames Valley spending, contracts and duty records in data/demo/transparency, loaded as an
 * officer would load them. Re-run safe: a month or register loaded again is no change.
 */
export async function seedDemoTransparency(
  transparency: TransparencyService,
  actor: Actor,
): Promise<string[]> {
  let months = 0;
  for (const name of fs.readdirSync(DEMO_DIR).sort()) {
    const month = SPENDING_FILE.exec(name)?.[1];
    if (!month) continue;
    const text = fs.readFileSync(path.join(DEMO_DIR, name), 'utf8');
    const result = await transparency.importSpendingMonth(actor, {
      body: BODY,
      month,
      fileName: name,
      lines: parseSpendingCsv(text, name, month),
    });
    if (result.changed) months += 1;
  }
  const contractsName = 'thames-valley-contracts.csv';
  const contracts = await transparency.importContracts(actor, {
    body: BODY,
    lines: parseContractsCsv(fs.readFileSync(path.join(DEMO_DIR, contractsName), 'utf8'), contractsName),
  });
  const records = await seedRecords(transparency, actor);
  return [
    months && plural(months, 'month of spending', 'months of spending'),
    contracts.changes && plural(contracts.changes, 'contract'),
    records && plural(records, 'duty record'),
  ].filter((part): part is string => Boolean(part));
}
