import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { createPolicy } from '../../kernel/auth/policy.ts';
import type { SqlClient } from '../../kernel/db/sql-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createAreasService } from '../areas/index.ts';
import { PERFORMANCE_POLICY } from './performance.policy.ts';
import { createPerformanceServices, type PerformanceServices } from './performance.services.ts';
import {
  failCopyInto,
  POLICE_UK_FIXTURES,
  STREET_HEADER,
  seedTestForceAreas,
  streetLine,
  writeTestFiles,
} from './performance.testing.ts';
import { countOutcomesByCrimeType, listOutcomesOfCrime } from './police-uk-data.queries.ts';

const policy = createPolicy({ ...PERFORMANCE_POLICY });
const actor = systemActor('cli:tester');
const GOOD = path.join(POLICE_UK_FIXTURES, 'good');
const BAD = path.join(POLICE_UK_FIXTURES, 'bad');

/** Every row the import writes, in a fixed order, to compare the database before and after. */
async function snapshot(sql: SqlClient) {
  const tables: Record<string, string> = {
    police_uk_street_record: 'force_area_id, month, source_line',
    police_uk_outcome_record: 'force_area_id, month, source_line',
    police_uk_stop_search_record: 'force_area_id, month, source_line',
    police_uk_crime_monthly: 'force_area_id, month, crime_type, last_outcome_category, lsoa_code',
    police_uk_asb_monthly: 'force_area_id, month, crime_type, last_outcome_category, lsoa_code',
    police_uk_outcome_monthly: 'force_area_id, month, outcome_type, lsoa_code',
    police_uk_stop_search_monthly:
      'force_area_id, month, type, object_of_search, outcome, officer_defined_ethnicity',
    lsoa_local_authority: 'lsoa_code',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    const columns = table === 'lsoa_local_authority' ? 'lsoa_code, local_authority_code, source' : '*';
    out[table] = await sql.query(`SELECT ${columns} FROM ${table} ORDER BY ${order}`);
  }
  out.units = await sql.query(
    'SELECT force_area_id, kind, month, sha256, rows FROM police_uk_unit ORDER BY 1, 2, 3',
  );
  return out;
}

async function runCount(sql: SqlClient): Promise<number> {
  return (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM police_uk_import_run'))[0]?.n ?? 0;
}

/** The same counts the API gives, computed straight from a CSV file's text. */
/** Rows of a street file counted by one column, anti-social behaviour (column 9) apart when `asbApart`. */
async function countFromFile(file: string, column: number, asbApart = false) {
  const lines = (await fs.readFile(file, 'utf8'))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1);
  const counts = new Map<string, number>();
  for (const line of lines.filter((text) => text !== '')) {
    const cells = line.split(',');
    const asb = cells[9] === 'Anti-social behaviour';
    const key = asbApart && asb ? 'Anti-social behaviour' : (cells[column] ?? '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe.each(testEngines())('police.uk import on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: PerformanceServices;
  let thamesValley: number;

  beforeAll(async () => {
    const areas = await seedTestForceAreas(database.current);
    services = createPerformanceServices({ database: database.current, areas, policy });
    thamesValley = (await areas.findForceArea('thames-valley'))?.id ?? 0;
  });

  it('imports a folder of street, outcomes and stop-and-search files, recording the run and each file', async () => {
    const report = await services.imports.importPoliceUk(actor, [GOOD], { origin: 'command-line' });
    expect(report.error).toBeNull();
    expect(report).toMatchObject({ status: 'succeeded', dryRun: false, rejectedRows: 0 });
    expect(report.rows).toEqual({ street: 12 + 8 + 4 + 3, outcomes: 7, 'stop-and-search': 3 });
    expect(report.files.map((file) => [file.month, file.force, file.kind, file.status])).toEqual([
      ['2021-11', 'thames-valley', 'street', 'loaded'],
      ['2021-12', 'thames-valley', 'outcomes', 'loaded'],
      ['2024-03', 'thames-valley', 'stop-and-search', 'loaded'],
      ['2025-01', 'hampshire', 'street', 'loaded'],
      ['2025-01', 'thames-valley', 'street', 'loaded'],
      ['2025-02', 'hampshire', 'street', 'loaded'],
    ]);
    const [run] = await database.current.sql.query<Record<string, unknown>>(
      'SELECT * FROM police_uk_import_run WHERE id = $1',
      [report.runId],
    );
    expect(run).toMatchObject({
      actor_kind: 'system',
      actor_label: 'cli:tester',
      origin: 'command-line',
      status: 'succeeded',
      phase: 'done',
      files_total: 6,
      files_done: 6,
      street_rows: 27,
      outcome_rows: 7,
      stop_and_search_rows: 3,
      rejected_rows: 0,
    });
    const files = await database.current.sql.query<{ sha256: string; status: string; rows: number }>(
      'SELECT sha256, status, rows FROM police_uk_import_file WHERE run_id = $1 ORDER BY position',
      [report.runId],
    );
    expect(files.every((file) => file.status === 'loaded' && /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    const audit = await database.current.sql.query<{ actor_label: string }>(
      "SELECT actor_label FROM audit_event WHERE record_type = 'police_uk_import_run' AND record_id = $1",
      [String(report.runId)],
    );
    expect(audit).toEqual([{ actor_label: 'cli:tester' }]);
  });

  it('counts exactly what the file holds, by crime type, outcome and LSOA, anti-social behaviour flagged', async () => {
    const file = path.join(GOOD, '2025-01/2025-01-thames-valley-street.csv');
    for (const [by, column] of [
      ['crime-type', 9],
      ['outcome', 10],
      ['lsoa', 7],
    ] as const) {
      const result = await services.policeUk.countStreetRecords({
        force: 'thames-valley',
        month: '2025-01',
        by,
      });
      // By outcome, anti-social behaviour (blank outcome, not a crime) counts apart from crimes with none.
      const expected = await countFromFile(file, column, by === 'outcome');
      expect(new Map(result.counts.map((row) => [row.key, row.count]))).toEqual(expected);
      const asb = (await countFromFile(file, 9)).get('Anti-social behaviour') ?? 0;
      expect(result.totals.antiSocialBehaviour).toBe(asb);
      expect(result.totals.crimes + asb).toBe(result.totals.records);
      expect(result.counts.reduce((sum, row) => sum + row.crimes, 0)).toBe(result.totals.crimes);
    }
    const byOutcome = await services.policeUk.countStreetRecords({
      force: 'thames-valley',
      month: '2025-01',
      by: 'outcome',
    });
    expect(byOutcome.counts.find((row) => row.key === 'Anti-social behaviour')).toMatchObject({
      crimes: 0,
      notACrime: true,
    });
  });

  it('keeps anti-social behaviour out of the crime roll-up, as a series of its own', async () => {
    const crimes = await database.current.sql.query<{ n: number }>(
      `SELECT coalesce(sum(crimes), 0)::int AS n FROM police_uk_crime_monthly
        WHERE force_area_id = $1 AND month = '2021-11-01' AND crime_type = 'Anti-social behaviour'`,
      [thamesValley],
    );
    expect(crimes).toEqual([{ n: 0 }]);
    const incidents = await database.current.sql.query<{ n: number }>(
      `SELECT sum(incidents)::int AS n FROM police_uk_asb_monthly WHERE force_area_id = $1 AND month = '2021-11-01'`,
      [thamesValley],
    );
    expect(incidents).toEqual([{ n: 4 }]);
    const total = await database.current.sql.query<{ n: number }>(
      `SELECT sum(crimes)::int AS n FROM police_uk_crime_monthly WHERE force_area_id = $1 AND month = '2021-11-01'`,
      [thamesValley],
    );
    expect(total).toEqual([{ n: 8 }]);
  });

  it('joins outcomes to crimes of earlier months by Crime ID, counting each of a crime’s outcomes', async () => {
    const rows = await countOutcomesByCrimeType(database.current.db, thamesValley, '2021-12-01');
    expect(rows).toContainEqual({ outcomeType: 'Suspect charged', crimeType: 'Drugs', count: 2 });
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(7);
    expect(rows.filter((row) => row.crimeType !== null)).toHaveLength(1);
    const outcomes = await listOutcomesOfCrime(
      database.current.db,
      thamesValley,
      'ace3c99bf8c5216e7996e3d0f524cc504d392bb6c184cdbd1811ce2e6a5402ea',
    );
    expect(outcomes).toEqual([
      { month: '2021-12-01', outcomeType: 'Suspect charged' },
      { month: '2021-12-01', outcomeType: 'Suspect charged' },
    ]);
  });

  it('derives local authorities from LSOA names, former Buckinghamshire districts included', async () => {
    const rows = await database.current.sql.query(
      `SELECT lsoa_code, local_authority_code, local_authority_name, source FROM lsoa_local_authority
        WHERE lsoa_code IN ('E01017648', 'E01016252') ORDER BY lsoa_code`,
    );
    expect(rows).toEqual([
      {
        lsoa_code: 'E01016252',
        local_authority_code: 'E06000036',
        local_authority_name: 'Bracknell Forest',
        source: 'lsoa-name',
      },
      {
        lsoa_code: 'E01017648',
        local_authority_code: 'E06000060',
        local_authority_name: 'Buckinghamshire',
        source: 'lsoa-name',
      },
    ]);
  });

  it('changes nothing when the same files are imported again, while recording the second run', async () => {
    const before = await snapshot(database.current.sql);
    const runs = await runCount(database.current.sql);
    const report = await services.imports.importPoliceUk(actor, [GOOD], { origin: 'command-line' });
    expect(report.status).toBe('succeeded');
    expect(await snapshot(database.current.sql)).toEqual(before);
    expect(await runCount(database.current.sql)).toBe(runs + 1);
    const replaced = await database.current.sql.query<{ replaced: number | null }>(
      'SELECT replaced_file_id AS replaced FROM police_uk_import_file WHERE run_id = $1',
      [report.runId],
    );
    expect(replaced.every((row) => row.replaced !== null)).toBe(true);
  });

  it('writes nothing on a dry run, and records no run, yet reports every count', async () => {
    const before = await snapshot(database.current.sql);
    const runs = await runCount(database.current.sql);
    const report = await services.imports.importPoliceUk(actor, [GOOD], {
      origin: 'command-line',
      dryRun: true,
    });
    expect(report).toMatchObject({ status: 'succeeded', dryRun: true, runId: null });
    expect(report.rows.street).toBe(27);
    expect(report.files.every((file) => file.status === 'checked' && file.sha256 !== null)).toBe(true);
    expect(await snapshot(database.current.sql)).toEqual(before);
    expect(await runCount(database.current.sql)).toBe(runs);
  });

  it('fails a run with rejected rows, writing no data but recording the rejects; imports the rest when allowed', async () => {
    const rows = path.join(BAD, 'rows');
    const before = await snapshot(database.current.sql);
    const failed = await services.imports.importPoliceUk(actor, [rows], { origin: 'command-line' });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^\d+ rows were rejected\. Nothing was imported\.$/);
    expect(failed.rejects[0]).toMatchObject({ line: expect.any(Number), reason: expect.any(String) });
    expect(failed.rejects[0]?.file).toContain('2025-01-thames-valley-street.csv');
    expect(await snapshot(database.current.sql)).toEqual(before);
    const kept = await database.current.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM police_uk_import_reject r JOIN police_uk_import_file f ON f.id = r.file_id
        WHERE f.run_id = $1`,
      [failed.runId],
    );
    expect(kept[0]?.n).toBeGreaterThanOrEqual(failed.rejectedRows);
    const [run] = await database.current.sql.query<{ status: string; error: string }>(
      'SELECT status, error FROM police_uk_import_run WHERE id = $1',
      [failed.runId],
    );
    expect(run).toEqual({ status: 'failed', error: failed.error });

    const tooFew = await services.imports.importPoliceUk(actor, [rows], {
      origin: 'command-line',
      allowRejects: failed.rejectedRows - 1,
    });
    expect(tooFew.error).toMatch(/, more than the \d+ allowed\. Nothing was imported\.$/);
    const allowed = await services.imports.importPoliceUk(actor, [rows], {
      origin: 'command-line',
      allowRejects: failed.rejectedRows,
    });
    expect(allowed.status).toBe('succeeded');
    const good = allowed.files[0]?.rows ?? 0;
    expect(good).toBeGreaterThan(0);
    const loaded = await services.policeUk.countStreetRecords({
      force: 'thames-valley',
      month: '2025-01',
      by: 'lsoa',
    });
    expect(loaded.counts.reduce((sum, row) => sum + row.count, 0)).toBe(good);
    // Put the good month back for the tests that follow.
    await services.imports.importPoliceUk(
      actor,
      [path.join(GOOD, '2025-01/2025-01-thames-valley-street.csv')],
      {
        origin: 'command-line',
      },
    );
  });

  it.each([
    ['an unknown force', 'unknown-force', /the force "thames-vally" is not known/],
    ['a wrong header', 'header-order', /line 1: the header row does not match the street layout/],
    ['an empty file', 'empty', /: the file is empty\. Nothing was imported\.$/],
    [
      'a month that does not match its folder',
      'folder-month',
      /the file name gives the month 2025-01 but its folder is 2025-02/,
    ],
    ['an unclosed quote', 'unclosed-quote', /line 3: a quoted field opened on line 3 is never closed/],
  ])('refuses %s, naming the file, and writes nothing', async (_name, fixture, message) => {
    const before = await snapshot(database.current.sql);
    const report = await services.imports.importPoliceUk(actor, [path.join(BAD, fixture)], {
      origin: 'command-line',
    });
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(message);
    expect(report.error).toContain(path.join(BAD, fixture));
    expect(await snapshot(database.current.sql)).toEqual(before);
  });

  it('refuses a zip with no CSV files and a corrupt zip, writing nothing', async () => {
    const before = await snapshot(database.current.sql);
    for (const [zip, message] of [
      ['no-csv.zip', /the zip archive holds no \.csv files/],
      ['truncated.zip', /is not a readable zip archive/],
    ] as const) {
      const report = await services.imports.importPoliceUk(
        actor,
        [path.join(POLICE_UK_FIXTURES, 'zips', zip)],
        {
          origin: 'command-line',
        },
      );
      expect(report.status).toBe('failed');
      expect(report.error).toMatch(message);
    }
    expect(await snapshot(database.current.sql)).toEqual(before);
  });

  it('refuses two files for the same force, month and kind', async () => {
    const month = streetLine({ id: 1, month: '2025-01', type: 'Burglary' });
    const { dir, remove } = await writeTestFiles({
      'a/2025-01-thames-valley-street.csv': `${STREET_HEADER}\n${month}\n`,
      'b/2025-01-thames-valley-street.csv': `${STREET_HEADER}\n${month}\n${month}\n`,
    });
    try {
      const report = await services.imports.importPoliceUk(actor, [dir], { origin: 'command-line' });
      expect(report.status).toBe('failed');
      expect(report.error).toMatch(
        /holds the same force, month and kind \(thames-valley 2025-01 street\) as .*a\/2025-01/,
      );
    } finally {
      await remove();
    }
  });

  it('counts a month afresh once it is loaded again, by this process or another (the counts are cached by unit file)', async () => {
    const query = { force: 'thames-valley', month: '2025-01', by: 'crime-type' } as const;
    const original = await services.policeUk.countStreetRecords(query);
    expect(await services.policeUk.countStreetRecords(query)).toEqual(original);
    const { dir, remove } = await writeTestFiles({
      '2025-01-thames-valley-street.csv': `${STREET_HEADER}\n${streetLine({ id: 1, month: '2025-01', type: 'Shoplifting' })}\n`,
    });
    // Another process: services of their own on the same database, so this process's cache hears nothing.
    const elsewhere = createPerformanceServices({
      database: database.current,
      areas: createAreasService(database.current.db),
      policy,
    });
    try {
      const report = await elsewhere.imports.importPoliceUk(actor, [dir], {
        origin: 'command-line',
        confirmUnusual: true,
      });
      expect(report.status).toBe('succeeded');
      expect((await services.policeUk.countStreetRecords(query)).counts).toEqual([
        {
          key: 'Shoplifting',
          count: 1,
          crimes: 1,
          antiSocialBehaviour: 0,
          notACrime: false,
          label: 'Shoplifting',
        },
      ]);
    } finally {
      await remove();
      await elsewhere.imports.importPoliceUk(actor, [path.join(GOOD, '2025-01')], { origin: 'command-line' });
    }
    expect(await services.policeUk.countStreetRecords(query)).toEqual(original);
  });

  it('refuses a file with no data rows for a month that holds data unless told to allow it, changing nothing', async () => {
    const { dir, remove } = await writeTestFiles({
      '2025-01/2025-01-thames-valley-street.csv': `${STREET_HEADER}\n`,
    });
    try {
      const before = await snapshot(database.current.sql);
      const refused = await services.imports.importPoliceUk(actor, [dir], { origin: 'command-line' });
      expect(refused.status).toBe('failed');
      expect(refused.error).toMatch(
        /2025-01-thames-valley-street\.csv has no data rows, but thames-valley 2025-01 street already holds 8 rows: importing it would empty that month\. Nothing was imported\.$/,
      );
      expect(refused.confirmations).toEqual([expect.objectContaining({ needs: 'allow-empty' })]);
      expect(await snapshot(database.current.sql)).toEqual(before);

      const allowed = await services.imports.importPoliceUk(actor, [dir], {
        origin: 'command-line',
        allowEmpty: true,
      });
      expect(allowed.status).toBe('succeeded');
      const [unit] = await database.current.sql.query<{ rows: number }>(
        "SELECT rows FROM police_uk_unit WHERE force_area_id = $1 AND kind = 'street' AND month = '2025-01-01'",
        [thamesValley],
      );
      expect(unit?.rows).toBe(0);
    } finally {
      await remove();
      await services.imports.importPoliceUk(actor, [path.join(GOOD, '2025-01')], { origin: 'command-line' });
    }
  });

  it('catches while checking what the load would refuse (NUL, an impossible date), so a three-file run loads nothing', async () => {
    const row = (month: string, id: number, location = 'No Location') =>
      streetLine({ id, month, type: 'Burglary', force: 'Hampshire Constabulary' }).replace(
        ',,No Location,',
        `,,${location},`,
      );
    const stopSearch =
      'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';
    const { dir, remove } = await writeTestFiles({
      '2023-01-hampshire-street.csv': `${STREET_HEADER}\n${row('2023-01', 1)}\n`,
      '2023-02-hampshire-stop-and-search.csv': `${stopSearch}\nPerson search,2023-02-29T10:00:00+00:00,,,51.0,-1.3,,,,,,,,,\n`,
      '2023-03-hampshire-street.csv': `${STREET_HEADER}\n${row('2023-03', 2)}\n${row('2023-03', 3, 'On or near\u0000Bad Road')}\n`,
    });
    try {
      const before = await snapshot(database.current.sql);
      const report = await services.imports.importPoliceUk(actor, [dir], { origin: 'command-line' });
      expect(report.status).toBe('failed');
      expect(report.error).toBe('2 rows were rejected. Nothing was imported.');
      expect(
        report.rejects.map((reject) => [reject.file.split('/').at(-1), reject.line, reject.column]),
      ).toEqual([
        ['2023-02-hampshire-stop-and-search.csv', 2, 'Date'],
        ['2023-03-hampshire-street.csv', 3, 'Location'],
      ]);
      expect(report.files.map((file) => file.status)).toEqual(['checked', 'checked', 'checked']);
      expect(await snapshot(database.current.sql)).toEqual(before);
    } finally {
      await remove();
    }
  });

  it('imports only the force asked for, listing the others as skipped', async () => {
    const report = await services.imports.importPoliceUk(actor, [GOOD], {
      origin: 'command-line',
      forceArea: 'hampshire',
      dryRun: true,
    });
    expect(report.files.map((file) => file.force)).toEqual(['hampshire', 'hampshire']);
    expect(report.skipped).toHaveLength(4);
    const unknown = await services.imports.importPoliceUk(actor, [GOOD], {
      origin: 'command-line',
      forceArea: 'atlantis',
      dryRun: true,
    });
    expect(unknown.error).toMatch(/The force area "atlantis" is not known \(known: .*thames-valley/);
  });

  it('marks a run left running by a stopped process as failed when the next import starts', async () => {
    const [left] = await database.current.sql.query<{ id: number }>(
      `INSERT INTO police_uk_import_run (actor_kind, actor_label, origin, phase, updated_at)
       VALUES ('system', 'cli:gone', 'command-line', 'loading', now() - interval '1 hour') RETURNING id`,
    );
    await services.imports.importPoliceUk(actor, [GOOD], { origin: 'command-line', dryRun: true });
    const [run] = await database.current.sql.query<{ status: string; error: string }>(
      'SELECT status, error FROM police_uk_import_run WHERE id = $1',
      [left?.id],
    );
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/^This run stopped without finishing/);
  });

  it('skips files whose bytes are already loaded when asked (the demo seed), recording no run', async () => {
    const runs = await runCount(database.current.sql);
    const report = await services.imports.importPoliceUk(actor, [GOOD], {
      origin: 'demo-seed',
      skipUnchanged: true,
    });
    expect(report).toMatchObject({ status: 'unchanged', runId: null });
    expect(report.files.every((file) => file.status === 'unchanged')).toBe(true);
    expect(await runCount(database.current.sql)).toBe(runs);
  });

  it('leaves a unit as it was when loading it fails part way, and says what was loaded', async () => {
    const before = await snapshot(database.current.sql);
    // A database whose last roll-up COPY fails in the second unit: its rows and crime roll-ups are in by then.
    const failing = {
      ...database.current,
      sql: failCopyInto(database.current.sql, 'police_uk_asb_monthly', 2),
    };
    const rebuilt: (readonly number[])[] = [];
    const broken = createPerformanceServices({
      database: failing,
      areas: createAreasService(database.current.db),
      policy,
      afterLoad: async (forceAreaIds) => rebuilt.push(forceAreaIds),
    });
    const changed = streetLine({ id: 99, month: '2025-02', type: 'Burglary' });
    const { dir, remove } = await writeTestFiles({
      '2025-01/2025-01-hampshire-street.csv': `${STREET_HEADER}\n${changed.replace('2025-02', '2025-01')}\n`,
      '2025-02/2025-02-hampshire-street.csv': `${STREET_HEADER}\n${changed}\n${changed}\n`,
    });
    try {
      const report = await broken.imports.importPoliceUk(actor, [dir], { origin: 'command-line' });
      expect(report.status).toBe('failed');
      expect(report.error).toMatch(
        /^Loading .*2025-02-hampshire-street\.csv failed: .*injected failure.*The 1 file before it was loaded; the rest were not\.$/,
      );
      expect(report.files.map((file) => file.status)).toEqual(['loaded', 'failed']);
      // January loaded, so what is derived from Hampshire's roll-ups is rebuilt, failure or not.
      const hampshire = (await createAreasService(database.current.db).findForceArea('hampshire'))?.id;
      expect(rebuilt).toEqual([[hampshire]]);
      const after = await snapshot(database.current.sql);
      // February (the unit that failed) is exactly as it was; January was replaced.
      const february = (rows: unknown[]) =>
        (rows as { month?: string }[]).filter((row) => row.month === '2025-02-01');
      for (const table of Object.keys(before))
        expect(february(after[table] ?? [])).toEqual(february(before[table] ?? []));
      const [run] = await database.current.sql.query<{ status: string }>(
        'SELECT status FROM police_uk_import_run WHERE id = $1',
        [report.runId],
      );
      expect(run?.status).toBe('failed');
    } finally {
      await remove();
      await services.imports.importPoliceUk(actor, [path.join(GOOD, '2025-01')], { origin: 'command-line' });
    }
  });

  // Last: it leaves Hampshire with months that make later small Hampshire files unusual.
  it('refuses a month far outside the force’s usual size unless confirmed; needs three months to judge', async () => {
    const month = (m: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        streetLine({ id: 500 + i, month: m, type: 'Burglary', force: 'Hampshire Constabulary' }),
      ).join('\n');
    const history = await writeTestFiles({
      '2024-10-hampshire-street.csv': `${STREET_HEADER}\n${month('2024-10', 10)}\n`,
      '2024-11-hampshire-street.csv': `${STREET_HEADER}\n${month('2024-11', 10)}\n`,
      '2024-12-hampshire-street.csv': `${STREET_HEADER}\n${month('2024-12', 12)}\n`,
    });
    const small = await writeTestFiles({
      '2025-03-hampshire-street.csv': `${STREET_HEADER}\n${month('2025-03', 1)}\n`,
    });
    try {
      // Two months loaded before this run (January and February): too few to judge, so the history loads.
      const loaded = await services.imports.importPoliceUk(actor, [history.dir], { origin: 'command-line' });
      expect(loaded.status).toBe('succeeded');
      const before = await snapshot(database.current.sql);
      const refused = await services.imports.importPoliceUk(actor, [small.dir], { origin: 'command-line' });
      expect(refused.status).toBe('failed');
      expect(refused.error).toMatch(
        /2025-03-hampshire-street\.csv has 1 row for hampshire 2025-03 street, far from the median of 10 rows over the 5 other months loaded/,
      );
      expect(refused.confirmations.map((item) => item.needs)).toEqual(['confirm-unusual']);
      expect(await snapshot(database.current.sql)).toEqual(before);
      const confirmed = await services.imports.importPoliceUk(actor, [small.dir], {
        origin: 'command-line',
        confirmUnusual: true,
      });
      expect(confirmed.status).toBe('succeeded');
    } finally {
      await history.remove();
      await small.remove();
    }
  });
});

describe.each(testEngines())('police.uk import on a fresh installation, %s', (engine) => {
  const database = useTestDatabase(engine);

  it('imports any force’s file with no set-up: every force police.uk publishes is reference data (migration 0032)', async () => {
    const services = createPerformanceServices({
      database: database.current,
      areas: createAreasService(database.current.db),
      policy,
    });
    const lines = [1, 2, 3].map((id) =>
      streetLine({ id, month: '2025-01', type: 'Burglary', force: 'Cumbria Constabulary' }),
    );
    const { dir, remove } = await writeTestFiles({
      '2025-01-cumbria-street.csv': `${STREET_HEADER}\n${lines.join('\n')}\n`,
    });
    try {
      const report = await services.imports.importPoliceUk(actor, [dir], { origin: 'command-line' });
      expect(report.error).toBeNull();
      expect(report.files.map((file) => [file.force, file.status, file.rows])).toEqual([
        ['cumbria', 'loaded', 3],
      ]);
    } finally {
      await remove();
    }
  });
});
