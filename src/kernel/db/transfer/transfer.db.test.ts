import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { peelianInProcess } from '../../../cli/cli.testing.ts';
import { createTestBody, createTestUser } from '../../../domains/accounts/accounts.testing.ts';
import { seedScorecardFixture } from '../../../domains/judgements/judgements.testing.ts';
import { parsePanelFile } from '../../../domains/scrutiny/meetings/panel.files.ts';
import { SAMPLE_FILES } from '../../../domains/scrutiny/papers/papers.testing.ts';
import { systemActor } from '../../auth/actor.ts';
import { databaseUrl, withAdmin } from '../../testing/postgres-templates.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { openPostgres } from '../postgres.ts';
import type { SqlClient } from '../sql-client.ts';
import { openBackup, writeBackup } from './backup-file.ts';
import { copyDatabase, loadSnapshot, type Progress, readSnapshot } from './transfer.ts';

/**
 * One small PGlite database with rows from several domains — areas and a plan (whose tables bump change
 * counters by trigger), police.uk months, indicators, a meeting with an uploaded paper (bytea, and OParl
 * stamps written by trigger), an account and its audit trail — backed up once, then restored and copied
 * into each engine and compared table by table, row by row.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-transfer-'));
const backupFile = path.join(dir, 'source.peelian-backup.gz');
let source: TestDatabase;
let tablesWithRows: string[] = [];
const quiet: Progress = () => {};

async function seedSource(database: TestDatabase) {
  const services = await seedScorecardFixture(database);
  const actor = systemActor('test');
  await createTestBody(database.db, 'test-panel', 'scrutiny-panel');
  await services.scrutiny.importPanelFile(
    actor,
    parsePanelFile(`
format: peelian-scrutiny/1
body: test-panel
members:
  - { name: A Chair, role: chair, nominatingAuthority: Reading Borough Council }
meetings:
  - { title: Winter meeting, date: 2027-01-08, time: '10:00', venue: Town Hall, status: agenda-published, agenda: [{ position: 1, title: Apologies }] }
`),
  );
  const meeting = await database.db.selectFrom('meeting').select('id').executeTakeFirstOrThrow();
  await services.scrutiny.papers.uploadPaper(
    actor,
    meeting.id,
    { name: 'report.pdf', title: '', agendaItem: '', exemptParagraph: null },
    SAMPLE_FILES.pdf,
  );
  await createTestUser(services, { role: 'admin' });
}

/**
 * Every table's rows as text, sorted, read independently of the copy engine's own checksums: the test's
 * own catalogue query and each row's whole text (times in UTC, so both engines write them alike).
 */
async function everyRow(sql: SqlClient): Promise<Record<string, string[]>> {
  return sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 1");
    const tables = await tx.query<{ name: string }>(
      "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1",
    );
    const rows: Record<string, string[]> = {};
    for (const { name } of tables) {
      const texts = await tx.query<{ row: string }>(`SELECT t::text AS row FROM ${name} AS t`);
      rows[name] = texts.map((text) => text.row).sort();
    }
    const sequences = await tx.query<{ name: string; value: number | null }>(
      "SELECT sequencename::text AS name, last_value AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    rows['(sequences)'] = sequences.map((row) => `${row.name}=${row.value}`);
    return rows;
  });
}

async function expectSameAsSource(target: SqlClient) {
  expect(await everyRow(target)).toEqual(await everyRow(source.sql));
  const migrations = (sql: SqlClient) => sql.query('SELECT name FROM schema_migration ORDER BY name');
  expect(await migrations(target)).toEqual(await migrations(source.sql));
}

async function restore(target: SqlClient, file = backupFile, progress = quiet) {
  const reader = await openBackup(file);
  try {
    return await loadSnapshot(target, reader.manifest, reader, progress);
  } finally {
    reader.close();
  }
}

/** A copy of the backup file with its decompressed text edited. */
function editedBackup(name: string, edit: (text: string) => string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, gzipSync(edit(gunzipSync(fs.readFileSync(backupFile)).toString('utf8'))));
  return file;
}

beforeAll(async () => {
  source = await createTestDatabase('pglite');
  await seedSource(source);
  const written: string[] = [];
  await readSnapshot(source, (snapshot) =>
    writeBackup(backupFile, snapshot, ({ table }) => written.push(table.table)),
  );
  tablesWithRows = written;
}, 60_000);

afterAll(async () => {
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('writes a backup readable by its owner only, naming each table with rows as it goes', () => {
  expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
  expect(tablesWithRows).toEqual(
    expect.arrayContaining(['force_area', 'plan', 'police_uk_street_record', 'meeting_paper', 'audit_event']),
  );
  // Parents come before the tables that reference them.
  expect(tablesWithRows.indexOf('meeting')).toBeLessThan(tablesWithRows.indexOf('meeting_paper'));
});

describe.each(testEngines())('restoring a backup of the embedded database into %s', (engine) => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase(engine, 'empty');
  });
  afterAll(() => target?.close());

  it('gives every table the same rows, every sequence the same value, and the paper the same bytes', async () => {
    const report = await restore(target.sql);
    expect(report.migrated).toEqual([]);
    expect(report.rows).toBeGreaterThan(50);
    await expectSameAsSource(target.sql);
    const [paper] = await target.sql.query<{ content: Uint8Array }>('SELECT content FROM meeting_paper');
    expect(Buffer.from(paper?.content ?? []).equals(SAMPLE_FILES.pdf)).toBe(true);
    // The triggers are back on: a new meeting is stamped, with the id after the copied ones.
    const [added] = await target.sql.query<{ id: number }>(
      `INSERT INTO meeting (body_id, title, starts_at, venue)
       SELECT body_id, 'Spring', starts_at + interval '1 day', venue FROM meeting RETURNING id`,
    );
    const [last] = await source.sql.query<{ id: number }>('SELECT max(id) AS id FROM meeting');
    expect(added?.id).toBe((last?.id ?? 0) + 1);
    const [stamp] = await target.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM scrutiny_record_stamp WHERE kind = 'meeting'",
    );
    expect(stamp?.n).toBe(2);
  });

  it('refuses a target that is not empty, naming what is there', async () => {
    await expect(restore(target.sql)).rejects.toThrow(/The target database is not empty \(it has .*\)/);
  });
});

describe('backup files that cannot be restored', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase('pglite', 'empty');
  });
  afterAll(() => target?.close());

  const targetIsEmpty = async () =>
    expect(
      await target.sql.query("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"),
    ).toEqual([]);

  it('refuses a truncated or damaged file, and a file that is no backup', async () => {
    const whole = fs.readFileSync(backupFile);
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restore(target.sql, truncated)).rejects.toThrow(
      /truncated\.gz is damaged or incomplete \(it ends too soon\)/,
    );
    const damaged = path.join(dir, 'damaged.gz');
    const bytes = Buffer.from(whole);
    for (let at = Math.floor(bytes.length / 2); at < bytes.length / 2 + 64; at++) bytes[at] = 0x55;
    fs.writeFileSync(damaged, bytes);
    await expect(restore(target.sql, damaged)).rejects.toThrow(/damaged\.gz is damaged or incomplete/);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a backup\n');
    await expect(restore(target.sql, text)).rejects.toThrow(
      'notes.txt is not a Peelian backup (it is not gzip-compressed).',
    );
    await targetIsEmpty();
  });

  it('refuses a backup from a newer migration level than this Peelian', async () => {
    const newer = editedBackup('newer.gz', (text) =>
      text.replace('"migrations":[', '"migrations":["9999_future_feature.sql",'),
    );
    await expect(restore(target.sql, newer)).rejects.toThrow(
      /The data is from a newer Peelian: it has migration 9999_future_feature\.sql, which this version does not \(it ends at \d{4}_\w+\.sql\)\. Upgrade Peelian/,
    );
    await targetIsEmpty();
  });

  it('keeps nothing when a table does not match its checksum', async () => {
    const altered = editedBackup('altered.gz', (text) =>
      text.replace('\tWinter meeting\t', '\tWinter meting\t'),
    );
    await expect(restore(target.sql, altered)).rejects.toThrow(
      "The loaded data does not match the source, so nothing was kept: meeting's rows differ from the source's.",
    );
    await targetIsEmpty();
  });
});

describe.each(testEngines())('copying the embedded database straight into %s', (engine) => {
  if (engine === 'pglite') {
    it('copies table by table with the same rows and sequences', async () => {
      const target = await createTestDatabase('pglite', 'empty');
      try {
        const copied: string[] = [];
        await copyDatabase(source, target.sql, ({ table }) => copied.push(table.table));
        expect(copied).toEqual(tablesWithRows);
        await expectSameAsSource(target.sql);
      } finally {
        await target.close();
      }
    });
    return;
  }

  it('`peelian db copy --to` moves a data directory into a new PostgreSQL database', async () => {
    const dataDir = path.join(dir, 'data');
    const restored = await peelianInProcess(['db', 'restore', backupFile], { PEELIAN_DATA_DIR: dataDir });
    expect(restored.stderr).toMatch(
      /^Restored \d+ tables \([\d,]+ rows\) and \d+ sequences into PGlite at /m,
    );
    expect(restored.code).toBe(0);
    const adminUrl = inject('postgresTemplates')?.adminUrl ?? '';
    const name = `peelian_copy_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0`));
    try {
      const url = databaseUrl(adminUrl, name);
      const run = await peelianInProcess(['db', 'copy', '--to', url], { PEELIAN_DATA_DIR: dataDir });
      expect(run.stderr).toContain('  meeting_paper: 1 row');
      expect(run.stderr).toMatch(
        /Copied \d+ tables \([\d,]+ rows\) and \d+ sequences; every table's rows and checksum match\./,
      );
      expect(run.code).toBe(0);
      const target = await openPostgres(url, 1);
      try {
        await expectSameAsSource(target.sql);
      } finally {
        await target.close();
      }
      const again = await peelianInProcess(['db', 'copy', '--to', url], { PEELIAN_DATA_DIR: dataDir });
      expect(again.stderr).toMatch(/^peelian db copy: The target database is not empty/m);
      expect(again.code).toBe(1);
    } finally {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 60_000);
});
