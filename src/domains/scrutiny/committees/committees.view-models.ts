import { formatDate } from '../../../kernel/formats/dates.ts';
import { paragraphs } from '../../../kernel/formats/words.ts';
import type { MemberRow } from '../scrutiny.queries.ts';
import { MEMBER_ROLE_LABELS } from '../scrutiny.view-models.ts';
import { FUNCTION_LABELS, isReservedFunction, SCRUTINY_FUNCTIONS } from '../scrutiny-functions.ts';
import {
  type FunctionMode,
  GROUP_ROLES,
  type GroupKind,
  type GroupRole,
} from '../scrutiny-records.tables.ts';
import type { CommitteesService } from './committees.service.ts';

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  'sub-committee': 'Sub-committee',
  'task-and-finish-group': 'Task-and-finish group',
};

const MODE_WORDS: Record<FunctionMode, string> = {
  delegated: 'carries this out for the panel',
  advisory: 'gathers evidence and reports to the full panel, which decides',
};

const ROLE_LABELS: Record<GroupRole, string> = { chair: 'Chair', member: 'Member' };

type GroupDetail = Awaited<ReturnType<CommitteesService['listAll']>>[number];

export function toGroupView(detail: GroupDetail) {
  const { group } = detail;
  return {
    id: group.id,
    url: `/scrutiny/committees/${group.id}`,
    name: group.name,
    bodyName: group.bodyName,
    kind: GROUP_KIND_LABELS[group.kind],
    termsOfReference: paragraphs(group.termsOfReference),
    established: group.establishedOn ? formatDate(group.establishedOn) : null,
    ends: group.endsOn ? formatDate(group.endsOn) : null,
    functions: detail.functions.map((entry) => ({
      label: FUNCTION_LABELS[entry.function].label,
      basis: FUNCTION_LABELS[entry.function].basis,
      mode: MODE_WORDS[entry.mode],
      reserved: isReservedFunction(entry.function),
    })),
    members: detail.members.map((member) => ({
      id: member.memberId,
      name: member.name,
      role: ROLE_LABELS[member.role],
    })),
  };
}

/** The functions as checkboxes, the special ones marked as the panel's own. */
export function functionCheckboxes(selected: unknown) {
  const chosen = new Set([selected].flat().filter((value): value is string => typeof value === 'string'));
  return SCRUTINY_FUNCTIONS.map((fn) => ({
    value: fn,
    text: `${FUNCTION_LABELS[fn].label} (${FUNCTION_LABELS[fn].basis})`,
    hint: isReservedFunction(fn)
      ? { text: 'A special function: only the full panel may carry it out' }
      : undefined,
    checked: chosen.has(fn),
  }));
}

export const GROUP_ROLE_OPTIONS = GROUP_ROLES.map((role) => ({
  value: role,
  text: role === 'chair' ? 'Chair of the group' : 'Member',
}));

/** The panel's members who could join a group, told apart by their role on the panel and their term. */
export function toMemberOptions(members: MemberRow[]) {
  return [
    { value: '', text: 'Select a member of the panel' },
    ...members.map((member) => {
      const details = [
        MEMBER_ROLE_LABELS[member.role],
        member.nominatingAuthority,
        member.termStart ? `from ${formatDate(member.termStart)}` : null,
      ].filter((part) => part !== null);
      return { value: String(member.id), text: `${member.name} (${details.join(', ')})` };
    }),
  ];
}
