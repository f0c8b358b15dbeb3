import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { bodyOrRefuse, requireManage, type TransparencyDeps } from './transparency.context.ts';
import { findDutyRecord, listLinkedRecords, saveLinkCheck } from './transparency.queries.ts';

/** How long one address may take to answer before it counts as unreachable. */
const TIMEOUT_MS = 10_000;

export interface LinkCheck {
  status: number | null;
  problem: string | null;
}

/**
 * Whether an address answers: a HEAD request, then a GET where a server refuses HEAD; a 2xx or 3xx after
 * redirects is reachable. Run on demand by an officer or the command, never on a page view.
 */
export async function checkAddress(url: string): Promise<LinkCheck> {
  try {
    let response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 405 || response.status === 501)
      response = await fetch(url, {
        method: 'GET',
        redirect: 'follow',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    await response.body?.cancel();
    return response.ok
      ? { status: response.status, problem: null }
      : {
          status: response.status,
          problem: `The address answered ${response.status} ${response.statusText}`.trim(),
        };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: null, problem: `The address could not be reached (${cause ?? (error as Error).name})` };
  }
}

async function checkAndSave(deps: TransparencyDeps, actor: Actor, id: number, url: string) {
  const check = await checkAddress(url);
  const saved = { linkCheckedAt: deps.now(), linkStatus: check.status, linkProblem: check.problem };
  await deps.db.transaction().execute(async (trx) => {
    await saveLinkCheck(trx, id, saved);
    await recordChange(trx, actor, { type: 'transparency-link-check', id }, undefined, { url, ...check });
  });
  return { id, url, ...check };
}

/** An officer checks one record's address now. */
export async function checkRecordLink(deps: TransparencyDeps, actor: Actor, slug: string, recordId: number) {
  const body = await bodyOrRefuse(deps, slug);
  requireManage(deps, actor, body.id);
  const record = await findDutyRecord(deps.db, body.id, recordId);
  if (!record?.evidenceUrl) throw new NotFoundError('There is no such record with an address');
  return checkAndSave(deps, actor, record.id, record.evidenceUrl);
}

/** The command's check of every recorded address (of one body, or all), one at a time to be gentle. */
export async function checkAllLinks(deps: TransparencyDeps, actor: Actor, slug?: string) {
  const body = slug ? await bodyOrRefuse(deps, slug) : undefined;
  const records = await listLinkedRecords(deps.db, body?.id);
  const results = [];
  for (const record of records) {
    requireManage(deps, actor, record.bodyId);
    results.push(await checkAndSave(deps, actor, record.id, record.evidenceUrl as string));
  }
  return results;
}
