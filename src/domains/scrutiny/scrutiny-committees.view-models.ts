import { formatDate } from '../../kernel/formats/dates.ts';
import type { CommitteesService } from './scrutiny-committees.service.ts';
import { FUNCTION_LABELS, isReservedFunction, SCRUTINY_FUNCTIONS } from './scrutiny-functions.ts';
import { paragraphs } from './scrutiny-minutes.view-models.ts';
import type { FunctionMode, GroupKind, GroupRole } from './scrutiny-records.tables.ts';

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
    members: detail.members.map((member) => ({ name: member.name, role: ROLE_LABELS[member.role] })),
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
