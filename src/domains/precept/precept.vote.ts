import type { IsoDate } from '../../kernel/calendar/index.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { PreceptRecord } from './precept.context.ts';
import { findMembers, listMembersOn } from './precept.queries.ts';
import { describeVetoArithmetic, isVetoCarried } from './precept.rules.ts';
import type { ReportForm } from './precept.schemas.ts';
import type { PreceptDb as Db, Vote } from './precept.tables.ts';

/**
 * Checks the Panel's recorded vote against its membership on the day of the decision: a vote by anyone who
 * was not then a member is refused, naming them; every member then has a vote (absent counts as one); and a
 * veto needs at least two-thirds of those members, present or not (PRSRA 2011 Sch 5 para 4(4)).
 */
export async function checkVote(
  db: Db,
  year: PreceptRecord,
  decidedOn: IsoDate,
  form: ReportForm,
): Promise<{ memberId: number; vote: Vote }[]> {
  const members = await listMembersOn(db, year.panelId, decidedOn);
  if (members.length === 0)
    throw new ValidationError([
      {
        field: 'meeting',
        message: `${year.panelName} has no members on ${formatDate(decidedOn)}: record its members first`,
      },
    ]);
  const memberIds = new Set(members.map((member) => member.id));
  const voted = Object.entries(form.votes).map(([id, vote]) => ({ memberId: Number(id), vote }));
  const strangers = await findMembers(
    db,
    voted.filter((each) => !memberIds.has(each.memberId)).map((each) => each.memberId),
  );
  const errors: FieldError[] = voted
    .filter((each) => !memberIds.has(each.memberId))
    .map((each) => ({
      field: `vote-${each.memberId}`,
      message: `${strangers.find((member) => member.id === each.memberId)?.name ?? `Member ${each.memberId}`} was not a member of ${year.panelName} on ${formatDate(decidedOn)}, so cannot vote`,
    }));
  for (const member of members)
    if (form.votes[String(member.id)] === undefined)
      errors.push({ field: `vote-${member.id}`, message: `Select how ${member.name} voted` });
  if (errors.length) throw new ValidationError(errors);
  const votesFor = voted.filter((each) => each.vote === 'for').length;
  if (form.decision === 'veto' && !isVetoCarried(votesFor, members.length))
    throw new ValidationError([
      {
        field: 'decision',
        message: `A veto needs at least two-thirds of the members of the Panel at the time (PRSRA 2011 Sch 5 para 4(4)). ${describeVetoArithmetic(votesFor, members.length)}`,
      },
    ]);
  return voted;
}
