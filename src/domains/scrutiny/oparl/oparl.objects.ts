import { londonDateOf, londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import type { AttendanceRow } from '../attendance/attendance.queries.ts';
import { GROUP_KIND_LABELS } from '../committees/committees.view-models.ts';
import type { PaperRow } from '../papers/papers.queries.ts';
import { paperUrl } from '../papers/papers.view-models.ts';
import { toLondonIso } from '../questions/questions.deadline.ts';
import type { BodyRef } from '../scrutiny.context.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import type { AgendaItemRow, MeetingRow } from '../scrutiny.queries.ts';
import type { MemberRole } from '../scrutiny.tables.ts';
import { MEMBER_ROLE_LABELS } from '../scrutiny.view-models.ts';
import type { GroupKind } from '../scrutiny-records.tables.ts';
import { type OparlList, oparlPaths, oparlType } from './oparl.paths.ts';
import type { StampRow } from './oparl.queries.ts';

/** An OParl object: OParl leaves a property out rather than give it null, so these never hold null. */
export type OparlObject = { id: string; type: string } & Record<string, unknown>;

/** Turns the app's paths into absolute URLs at the installation's public origin (`PEELIAN_BASE_URL`). */
export type Absolute = (path: string) => string;

/** The object with every null or undefined property left out, as OParl asks (spec 1.1, "null values"). */
export function withoutNulls<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function stamps(stamp: Pick<StampRow, 'createdAt' | 'modifiedAt'> | undefined) {
  return stamp ? { created: toLondonIso(stamp.createdAt), modified: toLondonIso(stamp.modifiedAt) } : {};
}

export const mainOrganizationKey = (bodyId: number) => `body-${bodyId}`;
export const groupOrganizationKey = (groupId: number) => `group-${groupId}`;
export const membershipKey = (memberId: number, groupId?: number) =>
  groupId === undefined ? `member-${memberId}` : `group-${groupId}-member-${memberId}`;

export function toSystem(abs: Absolute, name: string): OparlObject {
  return {
    id: abs(oparlPaths.system()),
    type: oparlType('System'),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    body: abs(oparlPaths.bodies()),
    name,
    website: abs('/'),
    web: abs('/'),
  };
}

const BODY_CLASSIFICATION: Record<string, string> = {
  'scrutiny-panel': 'Police and Crime Panel',
  'policing-body': 'Police and Crime Commissioner',
  'audit-committee': 'Joint audit committee',
  'partnership-board': 'Partnership board',
};

export function toBody(abs: Absolute, body: BodyRef): OparlObject {
  const list = (name: OparlList) => abs(oparlPaths.list({ body: body.slug, list: name }));
  return {
    id: abs(oparlPaths.body({ body: body.slug })),
    type: oparlType('Body'),
    system: abs(oparlPaths.system()),
    name: body.name,
    shortName: body.slug,
    classification: BODY_CLASSIFICATION[body.kind] ?? body.kind,
    organization: list('organizations'),
    person: list('persons'),
    meeting: list('meetings'),
    paper: list('papers'),
    agendaItem: list('agenda-items'),
    file: list('files'),
    // Peelian keeps no electoral terms: a panel's members serve terms of their own (each Membership's dates).
    legislativeTerm: [],
    mainOrganization: abs(oparlPaths.organization({ id: mainOrganizationKey(body.id) })),
    web: abs(meetingPaths.list()),
    'peelian:kind': body.kind,
  };
}

/** The body in full (the Panel, the Commissioner's accountability meetings) as its main Organization. */
export function toMainOrganization(
  abs: Absolute,
  body: BodyRef,
  memberIds: number[],
  stamp: Pick<StampRow, 'createdAt' | 'modifiedAt'> | undefined,
): OparlObject {
  return {
    id: abs(oparlPaths.organization({ id: mainOrganizationKey(body.id) })),
    type: oparlType('Organization'),
    body: abs(oparlPaths.body({ body: body.slug })),
    name: body.name,
    organizationType: BODY_CLASSIFICATION[body.kind] ?? body.kind,
    classification: BODY_CLASSIFICATION[body.kind] ?? body.kind,
    membership: memberIds.map((id) => abs(oparlPaths.membership({ id: membershipKey(id) }))),
    meeting: abs(oparlPaths.list({ body: body.slug, list: 'meetings' })),
    ...stamps(stamp),
  };
}

export interface GroupFacts {
  id: number;
  name: string;
  kind: GroupKind;
  termsOfReference: string;
  establishedOn: string | null;
  endsOn: string | null;
}

/** A sub-committee or task-and-finish group: an Organization under the body's main one. */
export function toGroupOrganization(
  abs: Absolute,
  body: BodyRef,
  group: GroupFacts,
  memberIds: number[],
  stamp: StampRow | undefined,
): OparlObject {
  return withoutNulls({
    id: abs(oparlPaths.organization({ id: groupOrganizationKey(group.id) })),
    type: oparlType('Organization'),
    body: abs(oparlPaths.body({ body: body.slug })),
    name: group.name,
    organizationType: GROUP_KIND_LABELS[group.kind],
    classification: GROUP_KIND_LABELS[group.kind],
    subOrganizationOf: abs(oparlPaths.organization({ id: mainOrganizationKey(body.id) })),
    membership: memberIds.map((id) => abs(oparlPaths.membership({ id: membershipKey(id, group.id) }))),
    startDate: group.establishedOn,
    endDate: group.endsOn,
    web: abs(`/scrutiny/committees/${group.id}`),
    'peelian:termsOfReference': group.termsOfReference,
    ...stamps(stamp),
  });
}

export interface MemberFacts {
  id: number;
  bodyId: number;
  name: string;
  role: MemberRole;
  nominatingAuthority: string | null;
  termStart: string | null;
  termEnd: string | null;
}

/** A member of a body, with their seat on it and on its groups as embedded Memberships. */
export function toPerson(
  abs: Absolute,
  body: BodyRef,
  member: MemberFacts,
  groups: { groupId: number; role: string }[],
  stamp: StampRow | undefined,
): OparlObject {
  const person = abs(oparlPaths.person({ id: member.id }));
  const seat = withoutNulls({
    id: abs(oparlPaths.membership({ id: membershipKey(member.id) })),
    type: oparlType('Membership'),
    person,
    organization: abs(oparlPaths.organization({ id: mainOrganizationKey(body.id) })),
    role: MEMBER_ROLE_LABELS[member.role],
    startDate: member.termStart,
    endDate: member.termEnd,
    'peelian:nominatingAuthority': member.nominatingAuthority,
  });
  const groupSeats = groups.map((group) => ({
    id: abs(oparlPaths.membership({ id: membershipKey(member.id, group.groupId) })),
    type: oparlType('Membership'),
    person,
    organization: abs(oparlPaths.organization({ id: groupOrganizationKey(group.groupId) })),
    role: group.role === 'chair' ? 'Chair' : 'Member',
  }));
  return {
    id: person,
    type: oparlType('Person'),
    body: abs(oparlPaths.body({ body: body.slug })),
    name: member.name,
    membership: [seat, ...groupSeats],
    ...stamps(stamp),
  };
}

/** An uploaded paper as a File; only public papers reach here. */
export function toFile(abs: Absolute, paper: PaperRow, stamp: StampRow | undefined): OparlObject {
  const url = abs(paperUrl(paper));
  return withoutNulls({
    id: abs(oparlPaths.file({ id: paper.id })),
    type: oparlType('File'),
    name: paper.title,
    fileName: paper.fileName,
    mimeType: paper.mediaType,
    date: londonDateOf(paper.uploadedAt),
    size: paper.byteSize,
    accessUrl: url,
    downloadUrl: url,
    meeting: [abs(oparlPaths.meeting({ id: paper.meetingId }))],
    agendaItem:
      paper.agendaItemId === null ? undefined : [abs(oparlPaths.agendaItem({ id: paper.agendaItemId }))],
    // OParl 1.1 has SHA-1 and SHA-512 checksums; Peelian keeps SHA-256.
    'peelian:sha256Checksum': paper.sha256,
    ...stamps(stamp),
  });
}

/** The item's time slot as an instant on the meeting's London day. */
function slotStart(meeting: MeetingRow, slotTime: string | null): string | undefined {
  if (slotTime === null) return undefined;
  return toLondonIso(londonDateTimeToInstant(londonDateOf(meeting.startsAt), slotTime.slice(0, 5)));
}

export function toAgendaItem(
  abs: Absolute,
  meeting: MeetingRow,
  item: AgendaItemRow,
  files: OparlObject[],
  stamp: StampRow | undefined,
): OparlObject {
  return withoutNulls({
    id: abs(oparlPaths.agendaItem({ id: item.id })),
    type: oparlType('AgendaItem'),
    meeting: abs(oparlPaths.meeting({ id: meeting.id })),
    number: String(item.position),
    order: item.position,
    name: item.title,
    // Schedule 12A of the Local Government Act 1972: an exempt item is heard in private.
    public: item.exemptParagraph === null,
    auxiliaryFile: files,
    start: slotStart(meeting, item.slotTime),
    web: abs(meetingPaths.meeting({ id: meeting.id })),
    'peelian:purpose': item.purpose,
    'peelian:lead': item.lead,
    'peelian:exemptParagraph': item.exemptParagraph,
    ...stamps(stamp),
  });
}

export function toLocation(abs: Absolute, meeting: MeetingRow): OparlObject {
  return {
    id: abs(oparlPaths.location({ id: meeting.id })),
    type: oparlType('Location'),
    description: meeting.venue,
    meetings: [abs(oparlPaths.meeting({ id: meeting.id }))],
  };
}

export interface MeetingParts {
  items: OparlObject[];
  files: OparlObject[];
  /** Null until the meeting has been held. */
  attendance: AttendanceRow[] | null;
}

/** A meeting with its agenda items and files embedded; `end` waits for meetings' end times (issue 18 item 7). */
export function toMeeting(
  abs: Absolute,
  meeting: MeetingRow,
  parts: MeetingParts,
  stamp: StampRow | undefined,
) {
  const participants = (parts.attendance ?? []).filter(
    (row) => row.memberId !== null && (row.kind === 'present' || row.kind === 'substitute'),
  );
  return withoutNulls({
    id: abs(oparlPaths.meeting({ id: meeting.id })),
    type: oparlType('Meeting'),
    name: meeting.title,
    meetingState: meeting.status,
    cancelled: meeting.status === 'cancelled',
    start: toLondonIso(meeting.startsAt),
    // Only a recorded end: the feeds' default length is a guess for calendars, not a fact about the meeting.
    end: meeting.endsAt ? toLondonIso(meeting.endsAt) : undefined,
    location: toLocation(abs, meeting),
    organization: [abs(oparlPaths.organization({ id: mainOrganizationKey(meeting.bodyId) }))],
    participant: parts.attendance
      ? participants.map((row) => abs(oparlPaths.person({ id: row.memberId as number })))
      : undefined,
    auxiliaryFile: parts.files,
    agendaItem: parts.items,
    web: abs(meetingPaths.meeting({ id: meeting.id })),
    'peelian:agendaPack': abs(meetingPaths.pack({ id: meeting.id })),
    'peelian:calendar': abs(meetingPaths.calendar({ id: meeting.id })),
    'peelian:api': abs(meetingPaths.apiMeeting({ id: meeting.id })),
    ...stamps(stamp),
  });
}
