import type { Actor } from '../../kernel/auth/actor.ts';
import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { type DecisionsDeps, todayOf } from './decisions.context.ts';
import {
  type DecisionLinks,
  findMeetings,
  findPlanInForce,
  findRecommendations,
  listBodiesOfArea,
} from './decisions.queries.ts';
import type { EditForm } from './decisions.schemas.ts';
import type { DecisionsDb as Db } from './decisions.tables.ts';

/** The office a decision belongs to, as the checks name it. */
export interface Office {
  id: number;
  name: string;
  forceAreaId: number | null;
}

const listed = (items: readonly string[]) =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The plan priorities must be priorities of the plan in force for the office's force area on the day the
 * decision is planned for (or today): an unknown code is a mistake, never a new priority.
 */
async function checkPriorities(deps: DecisionsDeps, trx: Db, office: Office, form: EditForm) {
  if (form.priorities.length === 0) return [];
  const onDate = form.plannedOn ?? todayOf(deps);
  const plan =
    office.forceAreaId === null ? undefined : await findPlanInForce(trx, office.forceAreaId, onDate);
  if (!plan)
    return [
      {
        field: 'priorities',
        message: `No issued police and crime plan is in force for ${office.name} on ${formatDate(onDate)}, so no plan priority can be named`,
      },
    ];
  const unknown = form.priorities.filter((code) => !plan.codes.has(code));
  if (unknown.length === 0) return [];
  const [first = ''] = [...plan.codes].sort();
  return [
    {
      field: 'priorities',
      message: `${listed(unknown)} ${unknown.length === 1 ? 'is not a priority' : 'are not priorities'} of ${plan.title}: use its priority codes, like ${first}`,
    },
  ];
}

async function checkMeetings(trx: Db, office: Office, bodies: readonly number[], form: EditForm) {
  const found = await findMeetings(trx, form.meetings);
  const known = new Set(found.filter((meeting) => bodies.includes(meeting.bodyId)).map((each) => each.id));
  const missing = form.meetings.filter((id) => !known.has(id));
  if (missing.length === 0) return [];
  return [
    {
      field: 'meetings',
      message: `There is no meeting ${listed(missing.map(String))} of ${office.name} or of the bodies of its force area`,
    },
  ];
}

const ADDRESS = /\/scrutiny\/recommendations\/(\d+)$/;

/**
 * Recommendations are named by reference (unique in each body's ledger) or by web address, among those of the
 * office and the bodies of its force area that the actor may see; a reference two ledgers share must be
 * given by its address.
 */
async function checkRecommendations(
  deps: DecisionsDeps,
  trx: Db,
  actor: Actor,
  bodies: readonly number[],
  form: EditForm,
): Promise<{ errors: FieldError[]; ids: number[] }> {
  const idOf = (token: string) => Number(ADDRESS.exec(token)?.[1] ?? Number.NaN);
  const ids = form.recommendations.filter((token) => ADDRESS.test(token)).map(idOf);
  const references = form.recommendations.filter((token) => !ADDRESS.test(token));
  const found = (await findRecommendations(trx, bodies, { ids, references })).filter((row) =>
    deps.canSeeRecommendation(actor, row),
  );
  const errors: FieldError[] = [];
  const chosen: number[] = [];
  for (const token of form.recommendations) {
    const matches = ADDRESS.test(token)
      ? found.filter((row) => row.id === idOf(token))
      : found.filter((row) => row.reference === token);
    if (matches.length === 1) chosen.push((matches[0] as { id: number }).id);
    else if (matches.length === 0)
      errors.push({
        field: 'recommendations',
        message: `There is no recommendation ${token} in the ledgers of the office’s force area`,
      });
    else
      errors.push({
        field: 'recommendations',
        message: `${token} is a reference in the ledgers of ${listed(matches.map((row) => row.bodyName))}: give the recommendation’s web address instead`,
      });
  }
  return { errors, ids: [...new Set(chosen)] };
}

/**
 * Checks what the form links the decision to, against the plan, the meetings and the ledger, and gives the
 * links to store, or every problem, each against its field.
 */
export async function checkLinks(
  deps: DecisionsDeps,
  trx: Db,
  actor: Actor,
  office: Office,
  form: EditForm,
): Promise<{ errors: FieldError[]; links: DecisionLinks }> {
  const bodies = await listBodiesOfArea(trx, office.id);
  const [priorities, meetings, recommendations] = await Promise.all([
    checkPriorities(deps, trx, office, form),
    checkMeetings(trx, office, bodies, form),
    checkRecommendations(deps, trx, actor, bodies, form),
  ]);
  return {
    errors: [...priorities, ...meetings, ...recommendations.errors],
    links: { priorities: form.priorities, meetings: form.meetings, recommendations: recommendations.ids },
  };
}
