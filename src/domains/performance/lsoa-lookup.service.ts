import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { parse } from 'csv-parse';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import type { DatabaseHandle } from '../../kernel/db/database.ts';
import { DomainError, ForbiddenError } from '../../kernel/errors.ts';
import type { AreasService } from '../areas/index.ts';
import {
  countLsoaAuthoritiesBySource,
  insertLsoaAuthoritiesFromNames,
  type LsoaAuthorityRow,
  listLsoaAuthorityCodes,
  upsertLsoaAuthoritiesFromFile,
} from './lsoa-lookup.queries.ts';
import type { PerformanceDb as Db, PerformanceRelations } from './performance.tables.ts';

/**
 * Which local authority each LSOA lies in. A lookup file (as ONS publishes them) loaded with
 * `peelian import lookup` is the authority; where none was loaded, the LSOA's name gives it, because ONS
 * names every LSOA after its local authority ("Reading 012C"). 2011 LSOAs still carry the names of
 * district councils abolished since; those are listed here with the council that took them over.
 */
export const FORMER_AUTHORITIES: readonly { name: string; successorCode: string }[] = [
  // Buckinghamshire Council replaced the county and its four districts on 1 April 2020.
  { name: 'Aylesbury Vale', successorCode: 'E06000060' },
  { name: 'Chiltern', successorCode: 'E06000060' },
  { name: 'South Bucks', successorCode: 'E06000060' },
  { name: 'Wycombe', successorCode: 'E06000060' },
];

/** Fills in the lookup from LSOA names for the force's street records of the given months. */
export async function deriveLsoaAuthoritiesFromNames(
  database: DatabaseHandle<PerformanceRelations>,
  areas: AreasService,
  forceAreaId: number,
  months: readonly string[],
): Promise<number> {
  const force = (await areas.listForceAreasWithAuthorities()).find((area) => area.id === forceAreaId);
  if (!force) return 0;
  // A county council covers its districts; an LSOA is named after its district.
  const authorities = force.localAuthorities.filter((authority) => authority.tier !== 'county');
  const prefixes = authorities.map((authority) => ({
    prefix: authority.name,
    code: authority.gssCode,
    name: authority.name,
  }));
  for (const former of FORMER_AUTHORITIES) {
    const successor = authorities.find((authority) => authority.gssCode === former.successorCode);
    if (successor) prefixes.push({ prefix: former.name, code: successor.gssCode, name: successor.name });
  }
  return insertLsoaAuthoritiesFromNames(database.sql, forceAreaId, months, prefixes);
}

/** A lookup file that cannot be loaded; the message names the file, and the line where there is one. */
export class LookupFileError extends DomainError {
  constructor(message: string) {
    super(message, 400);
  }
}

export interface LookupColumns {
  lsoaCode: number;
  lsoaName: number | null;
  localAuthorityCode: number;
  localAuthorityName: number;
  cspCode: number | null;
  cspName: number | null;
}

const COLUMN_PATTERNS: Record<keyof LookupColumns, RegExp> = {
  lsoaCode: /^(lsoa\d{2}cd|lsoa_code)$/i,
  lsoaName: /^(lsoa\d{2}nm|lsoa_name)$/i,
  localAuthorityCode: /^(lad\d{2}cd|ltla\d{2}cd|local_authority_code)$/i,
  localAuthorityName: /^(lad\d{2}nm|ltla\d{2}nm|local_authority_name)$/i,
  cspCode: /^(csp\d{2}cd|community_safety_partnership_code)$/i,
  cspName: /^(csp\d{2}nm|community_safety_partnership_name)$/i,
};

/**
 * Finds the columns of a lookup file by their headers: ONS names (LSOA21CD, LSOA21NM, LAD22CD, LAD22NM,
 * CSP22CD, CSP22NM, any year) or plain ones (lsoa_code, lsoa_name, local_authority_code,
 * local_authority_name, community_safety_partnership_code, community_safety_partnership_name).
 */
export function detectLookupColumns(header: readonly string[]): LookupColumns | { problem: string } {
  const find = (key: keyof LookupColumns) => {
    const matches = header.flatMap((name, index) => (COLUMN_PATTERNS[key].test(name.trim()) ? [index] : []));
    return matches;
  };
  const found: Partial<Record<keyof LookupColumns, number | null>> = {};
  for (const key of Object.keys(COLUMN_PATTERNS) as (keyof LookupColumns)[]) {
    const matches = find(key);
    if (matches.length > 1) {
      return {
        problem: `the header names more than one ${key} column: ${matches.map((i) => header[i]).join(', ')}`,
      };
    }
    found[key] = matches[0] ?? null;
  }
  const missing = (['lsoaCode', 'localAuthorityCode', 'localAuthorityName'] as const).filter(
    (key) => found[key] === null,
  );
  if (missing.length > 0) {
    return {
      problem:
        'the header must name the LSOA code, the local authority code and the local authority name ' +
        '(e.g. LSOA21CD,LAD22CD,LAD22NM or lsoa_code,local_authority_code,local_authority_name); ' +
        `found ${header.join(',') || 'nothing'}`,
    };
  }
  return found as LookupColumns;
}

const LSOA_CODE = /^[EW]01\d{6}$/;
const GSS_CODE = /^[EW]\d{8}$/;

export interface LookupReject {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** Checks one record of a lookup file; returns the row or the problems with it. */
export function checkLookupRecord(
  fields: readonly string[],
  line: number,
  columns: LookupColumns,
  header: readonly string[],
): { row: LsoaAuthorityRow } | { rejects: LookupReject[] } {
  const rejects: LookupReject[] = [];
  const value = (index: number | null) => (index === null ? '' : (fields[index] ?? '').trim());
  const code = (index: number, pattern: RegExp, reason: string) => {
    const text = value(index);
    if (!pattern.test(text)) rejects.push({ line, column: header[index] ?? '', value: text, reason });
    return text;
  };
  const lsoaCode = code(columns.lsoaCode, LSOA_CODE, 'must be an LSOA code: E01 or W01 and six digits');
  const localAuthorityCode = code(
    columns.localAuthorityCode,
    GSS_CODE,
    'must be a GSS code such as E06000038',
  );
  const localAuthorityName = value(columns.localAuthorityName);
  if (localAuthorityName === '') {
    rejects.push({ line, column: header[columns.localAuthorityName] ?? '', value: '', reason: 'is blank' });
  }
  const cspCodeText = value(columns.cspCode);
  if (columns.cspCode !== null && cspCodeText !== '' && !GSS_CODE.test(cspCodeText)) {
    rejects.push({
      line,
      column: header[columns.cspCode] ?? '',
      value: cspCodeText,
      reason: 'must be a GSS code such as E22000001, or blank',
    });
  }
  if (rejects.length > 0) return { rejects };
  return {
    row: {
      lsoaCode,
      lsoaName: value(columns.lsoaName) || null,
      localAuthorityCode,
      localAuthorityName,
      communitySafetyPartnershipCode: cspCodeText || null,
      communitySafetyPartnershipName: value(columns.cspName) || null,
    },
  };
}

export interface LookupLoadResult {
  file: string;
  rows: number;
  localAuthorities: number;
  communitySafetyPartnerships: number;
  /** LSOAs now placed in a different local authority than before (or placed for the first time). */
  reassigned: number;
  durationMs: number;
}

export type LsoaLookupService = ReturnType<typeof createLsoaLookupService>;

export interface LsoaLookupDeps {
  db: Db;
  policy: Policy;
  areas: AreasService;
  /**
   * Called after a load that moved LSOAs between local authorities, with the force areas of the authorities
   * they left and joined, so that per-authority figures derived from the roll-ups are rebuilt. It reports its
   * own failures and must not throw.
   */
  afterLoad?: (forceAreaIds: readonly number[]) => Promise<unknown>;
}

export function createLsoaLookupService(deps: LsoaLookupDeps) {
  return {
    loadLsoaLookupFile: (actor: Actor, file: string) => loadLsoaLookupFile(deps, actor, file),
    countBySource: () => countLsoaAuthoritiesBySource(deps.db),
  };
}

/**
 * Loads an LSOA → local authority lookup file, all or nothing: any bad row fails the load, naming its
 * line, column, value and reason. A row for an LSOA already known replaces it. Where LSOAs changed
 * authority, the figures derived for the force areas concerned are rebuilt afterwards.
 */
async function loadLsoaLookupFile(
  deps: LsoaLookupDeps,
  actor: Actor,
  file: string,
): Promise<LookupLoadResult> {
  if (!deps.policy.can(actor, 'imports:run')) throw new ForbiddenError('You cannot load lookups');
  const started = performance.now();
  const list = await readLookupFile(file);
  const moved = await saveLookup(deps.db, actor, file, list);
  const authorities = new Set(moved.flatMap(({ from, to }) => (from === undefined ? [to] : [from, to])));
  const forceAreaIds = await forceAreasOf(deps.areas, authorities);
  if (forceAreaIds.length > 0) await deps.afterLoad?.(forceAreaIds);
  return {
    file,
    rows: list.length,
    localAuthorities: new Set(list.map((row) => row.localAuthorityCode)).size,
    communitySafetyPartnerships: new Set(
      list.flatMap((row) => (row.communitySafetyPartnershipCode ? [row.communitySafetyPartnershipCode] : [])),
    ).size,
    reassigned: moved.length,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The file's rows, one per LSOA (a later row for an LSOA replaces an earlier one); any bad row fails it. */
async function readLookupFile(file: string): Promise<LsoaAuthorityRow[]> {
  const stats = await fs.stat(file).catch(() => null);
  if (!stats?.isFile()) throw new LookupFileError(`${file}: no such file`);
  const rows = new Map<string, LsoaAuthorityRow>();
  const rejects: LookupReject[] = [];
  let header: string[] | null = null;
  let columns: LookupColumns | null = null;
  const parser = createReadStream(file).pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === null) {
        header = record;
        const detected = detectLookupColumns(record);
        if ('problem' in detected) throw new LookupFileError(`${file} line 1: ${detected.problem}`);
        columns = detected;
        continue;
      }
      const checked = checkLookupRecord(record, info.lines, columns as LookupColumns, header);
      if ('rejects' in checked) rejects.push(...checked.rejects);
      else rows.set(checked.row.lsoaCode, checked.row);
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof LookupFileError) throw error;
    throw new LookupFileError(`${file}: is not a readable CSV file (${(error as Error).message})`);
  }
  if (header === null) throw new LookupFileError(`${file}: the file is empty`);
  if (rejects.length > 0) {
    const first = rejects[0] as LookupReject;
    throw new LookupFileError(
      `${file} line ${first.line}: ${first.column} "${first.value}" ${first.reason}` +
        (rejects.length > 1 ? ` (and ${rejects.length - 1} more problems)` : '') +
        '. Nothing was loaded.',
    );
  }
  return [...rows.values()];
}

/** Writes the rows and audits the load; returns the LSOAs that changed authority (or were placed at last). */
async function saveLookup(db: Db, actor: Actor, file: string, list: LsoaAuthorityRow[]) {
  return db.transaction().execute(async (trx) => {
    const before = await listLsoaAuthorityCodes(
      trx,
      list.map((row) => row.lsoaCode),
    );
    await upsertLsoaAuthoritiesFromFile(trx, list);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'lsoa_local_authority',
      recordId: 'lookup-file',
      after: { file, rows: list.length },
    });
    return list
      .filter((row) => before.get(row.lsoaCode) !== row.localAuthorityCode)
      .map((row) => ({
        from: before.get(row.lsoaCode),
        to: row.localAuthorityCode,
      }));
  });
}

/** The force areas of these local authorities (a force's figures by authority count only its own). */
async function forceAreasOf(areas: AreasService, authorityCodes: ReadonlySet<string>): Promise<number[]> {
  if (authorityCodes.size === 0) return [];
  const forces = await areas.listForceAreasWithAuthorities();
  return forces
    .filter((force) => force.localAuthorities.some((authority) => authorityCodes.has(authority.gssCode)))
    .map((force) => force.id);
}
