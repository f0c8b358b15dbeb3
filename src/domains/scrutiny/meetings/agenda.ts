import type { MeetingRow } from '../scrutiny.queries.ts';

/**
 * A meeting's agenda is a draft until the officer publishes it (status "scheduled"): its items and their
 * papers are then only for the panel's members and officer.
 */
export function isAgendaDraft(meeting: Pick<MeetingRow, 'status'>): boolean {
  return meeting.status === 'scheduled';
}

/** Whether the officer may still change, reschedule or cancel the meeting: not once held or cancelled. */
export function isMeetingChangeable(meeting: Pick<MeetingRow, 'status'>): boolean {
  return meeting.status === 'scheduled' || meeting.status === 'agenda-published';
}
