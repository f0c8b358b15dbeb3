import type { MemberRow } from '../scrutiny.queries.ts';
import { MEMBER_ROLE_LABELS, toMembersView } from '../scrutiny.view-models.ts';
import type { AttendanceKind, MemberAttendanceKind } from '../scrutiny-attendance.tables.ts';
import type { AttendanceRow } from './attendance.queries.ts';

const GROUP_HEADINGS: Record<AttendanceKind, string> = {
  present: 'Members present',
  substitute: 'Substitutes',
  apologies: 'Apologies',
  absent: 'Absent',
  officer: 'Officers present',
  other: 'Others present',
};

export const ATTENDEE_KIND_LABELS = {
  substitute: 'Substitute for a member',
  officer: 'Officer supporting the panel',
  other: 'Other person present (for example the Commissioner or a police officer)',
  apologies: 'Apologies from someone not on the member list',
} as const;

function personView(row: AttendanceRow) {
  const role = row.memberRole && row.memberRole !== 'member' ? MEMBER_ROLE_LABELS[row.memberRole] : null;
  const details = [role, row.capacity].filter(Boolean).join(', ');
  return {
    id: row.id,
    name: row.name,
    details: row.substituteForName ? `for ${row.substituteForName}${details ? `, ${details}` : ''}` : details,
    isMember: row.memberId !== null,
  };
}

/** Attendance as the minutes set it out: members present, substitutes, apologies, and others, in order. */
export function toAttendanceGroups(rows: AttendanceRow[]) {
  return (Object.keys(GROUP_HEADINGS) as AttendanceKind[])
    .map((kind) => ({
      kind,
      heading: GROUP_HEADINGS[kind],
      people: rows.filter((row) => row.kind === kind).map(personView),
    }))
    .filter((group) => group.people.length > 0);
}

/** Everyone recorded by name rather than from the member list, each with the group they are in. */
export function toNamedAttendees(rows: AttendanceRow[]) {
  return rows
    .filter((row) => row.memberId === null)
    .map((row) => ({ ...personView(row), group: GROUP_HEADINGS[row.kind].toLowerCase() }));
}

/** The officer's form: every member with how they are recorded now (empty when not recorded). */
export function toMemberAttendanceForm(
  members: MemberRow[],
  rows: AttendanceRow[],
  values?: Record<string, unknown>,
) {
  const recorded = new Map(
    rows.filter((row) => row.memberId !== null).map((row) => [row.memberId, row.kind]),
  );
  return toMembersView(members).map((member) => {
    const field = `member-${member.id}`;
    const current = values ? String(values[field] ?? '') : (recorded.get(member.id) ?? '');
    const choice = (value: MemberAttendanceKind | '', text: string) => ({
      value,
      text,
      checked: current === value,
    });
    return {
      field,
      name: member.name,
      hint: [member.role === 'Member' ? null : member.role, member.nominatedBy].filter(Boolean).join(', '),
      items: [
        choice('present', 'Present'),
        choice('apologies', 'Apologies'),
        choice('absent', 'Absent'),
        choice('', 'Not recorded'),
      ],
    };
  });
}

export function memberOptions(members: MemberRow[], selected: unknown = '', emptyText = 'Select a member') {
  return [
    { value: '', text: emptyText, selected: selected === '' || selected === undefined },
    ...toMembersView(members).map((member) => ({
      value: String(member.id),
      text: member.name,
      selected: String(member.id) === String(selected),
    })),
  ];
}
