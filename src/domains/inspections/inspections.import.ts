import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { FieldError } from '../../kernel/errors.ts';
import {
  type InspectionsDeps,
  refuse,
  requireManage,
  resolveActions,
  todayOf,
} from './inspections.context.ts';
import {
  findInspection,
  type InspectionValues,
  insertInspection,
  listFindings,
  listGrades,
  replaceGrades,
  updateInspection,
} from './inspections.queries.ts';
import type { InspectionInFile, InspectionsFile } from './inspections.schemas.ts';
import type { InspectionsDb as Db } from './inspections.tables.ts';
import {
  checkReportDates,
  checkResponse,
  findBody,
  publishWithin,
  saveFinding,
} from './inspections.write.ts';

/** Two entries with the same key, each named by its path after the first. */
function duplicates<T>(items: T[], keyOf: (item: T) => string, at: (index: number) => string, what: string) {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [{ field: at(index), message: `${what} ${key} is given twice` }];
  });
}

/** Every problem the file has that its schema cannot see, each at its path, before anything is written. */
function checkFile(today: string, file: InspectionsFile): FieldError[] {
  const errors = duplicates(
    file.inspections,
    (each) => each.code,
    (i) => `inspections.${i}.code`,
    'The report',
  );
  file.inspections.forEach((report, i) => {
    const at = `inspections.${i}.`;
    errors.push(
      ...checkReportDates(
        today,
        { fieldworkEndedOn: report.fieldworkEndedOn ?? null, reportPublishedOn: report.reportPublishedOn },
        at,
      ),
    );
    if (report.response)
      errors.push(...checkResponse(today, report, report.response.publishedOn, `${at}response.publishedOn`));
    if (report.kind === 'audit' && report.grades.length)
      errors.push({ field: `${at}grades`, message: 'An audit report has no PEEL grades' });
    errors.push(
      ...duplicates(
        report.grades,
        (grade) => grade.question.toLowerCase(),
        (g) => `${at}grades.${g}.question`,
        'The question',
      ),
      ...duplicates(
        report.findings,
        (finding) => `${finding.kind} ${finding.number}`,
        (f) => `${at}findings.${f}.number`,
        'The finding',
      ),
    );
  });
  return errors;
}

function valuesOf(bodyId: number, report: InspectionInFile): InspectionValues {
  return {
    bodyId,
    code: report.code,
    kind: report.kind,
    madeBy: report.madeBy,
    title: report.title,
    summary: report.summary ?? null,
    fieldworkEndedOn: report.fieldworkEndedOn ?? null,
    reportPublishedOn: report.reportPublishedOn,
    reportUrl: report.reportUrl || null,
  };
}

/** The id of the delivery action each finding names, by the finding's place in the file ("report.finding"). */
async function actionsNamed(deps: InspectionsDeps, actor: Actor, bodyId: number, file: InspectionsFile) {
  const wanted = file.inspections.flatMap((report, i) =>
    report.findings.map((finding, f) => ({
      key: `${i}.${f}`,
      field: `inspections.${i}.findings.${f}.deliveryAction`,
      address: finding.deliveryAction ?? null,
    })),
  );
  const ids = await resolveActions(deps, actor, bodyId, wanted);
  return new Map(wanted.map(({ key }, index) => [key, ids[index] ?? null]));
}

/** Makes one report what the file says; returns how many things changed. */
async function loadReport(
  deps: InspectionsDeps,
  trx: Db,
  actor: Actor,
  body: { id: number; slug: string },
  report: InspectionInFile,
  actionIdOf: (finding: number) => number | null,
) {
  let changes = 0;
  const values = valuesOf(body.id, report);
  const response = report.response
    ? { responsePublishedOn: report.response.publishedOn, responseUrl: report.response.url }
    : {};
  let row = await findInspection(trx, body.slug, report.code);
  if (!row) {
    const id = await insertInspection(trx, { ...values, ...response } as InspectionValues);
    await recordChange(trx, actor, { type: 'inspection', id }, undefined, { ...values, ...response });
    changes += 1;
  } else {
    const {
      id: _id,
      bodySlug: _s,
      bodyName: _n,
      status: _st,
      responsePublishedOn,
      responseUrl,
      ...current
    } = row;
    const before = { ...current, ...(report.response ? { responsePublishedOn, responseUrl } : {}) };
    const after = { ...values, ...response };
    if (!isDeepStrictEqual(before, after)) {
      await updateInspection(trx, row.id, after);
      await recordChange(trx, actor, { type: 'inspection', id: row.id }, before, after);
      changes += 1;
    }
  }
  row = (await findInspection(trx, body.slug, report.code)) as NonNullable<typeof row>;
  const grades = (await listGrades(trx, [row.id])).map(({ question, grade }) => ({ question, grade }));
  if (!isDeepStrictEqual(grades, report.grades)) {
    await replaceGrades(trx, row.id, report.grades);
    await recordChange(trx, actor, { type: 'inspection', id: row.id }, { grades }, { grades: report.grades });
    changes += 1;
  }
  const findings = await listFindings(trx, [row.id]);
  for (const [index, { deliveryAction: _address, ...finding }] of report.findings.entries()) {
    const existing = findings.find((each) => each.kind === finding.kind && each.number === finding.number);
    const toSave = { ...finding, deliveryActionId: actionIdOf(index) };
    if (await saveFinding(deps, trx, actor, row, toSave, existing)) changes += 1;
  }
  if (report.publish && row.status === 'draft') {
    await publishWithin(deps, trx, actor, row);
    changes += 1;
  }
  return changes;
}

/**
 * Loads an inspections file in one transaction: a problem anywhere saves nothing. Reports are matched by code
 * and findings by kind and number, so loading it again changes nothing. The file adds and corrects; it never
 * removes a finding (the ledger keeps its recommendations' history), nor unpublishes a report.
 */
export async function importInspectionsFile(deps: InspectionsDeps, actor: Actor, file: InspectionsFile) {
  const body = await findBody(deps.db, file.body);
  requireManage(deps, actor, body.id);
  refuse(checkFile(todayOf(deps), file));
  // Resolved before the transaction: delivery reads on its own connection (see actionChosen in the write module).
  const actionIds = await actionsNamed(deps, actor, body.id, file);
  return deps.db.transaction().execute(async (trx) => {
    let changes = 0;
    for (const [i, report] of file.inspections.entries())
      changes += await loadReport(deps, trx, actor, body, report, (f) => actionIds.get(`${i}.${f}`) ?? null);
    const count = (key: 'grades' | 'findings') =>
      file.inspections.reduce((sum, each) => sum + each[key].length, 0);
    return {
      inspections: file.inspections.length,
      grades: count('grades'),
      findings: count('findings'),
      changes,
    };
  });
}
