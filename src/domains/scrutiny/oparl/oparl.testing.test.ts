import { describe, expect, it } from 'vitest';
import { oparlProblems } from './oparl.testing.ts';

const BASE = 'https://peelian.example/oparl/v1.1';
const meeting = (agendaItem: object) => ({
  id: `${BASE}/meetings/1`,
  type: 'https://schema.oparl.org/1.1/Meeting',
  start: '2027-02-03T11:00:00+00:00',
  agendaItem: [agendaItem],
});
const item = { id: `${BASE}/agenda-items/2`, type: 'https://schema.oparl.org/1.1/AgendaItem', order: 1 };

// The check the OParl tests rely on is only worth having if it refuses what the official schemas refuse.
describe('the OParl 1.1 schema check', () => {
  it('accepts a valid meeting with an agenda item embedded', () => {
    expect(oparlProblems(meeting(item))).toEqual([]);
  });

  it('checks embedded objects against their own schema (an agenda item needs its order)', () => {
    const { order: _order, ...withoutOrder } = item;
    expect(oparlProblems(meeting(withoutOrder))).toContain(
      "Meeting/agendaItem/0 must have required property 'order'",
    );
  });

  it('refuses relative ids, nulls, dates without an offset and types that are not OParl URIs', () => {
    expect(oparlProblems({ ...meeting(item), id: '/oparl/v1.1/meetings/1' })).toEqual([
      'Meeting/id must match format "url"',
    ]);
    expect(oparlProblems({ ...meeting(item), end: null })).toEqual(['Meeting/end must be string']);
    expect(oparlProblems({ ...meeting(item), start: '2027-02-03T11:00:00' })).toEqual([
      'Meeting/start must match format "date-time"',
    ]);
    expect(oparlProblems({ ...meeting(item), type: 'Meeting' })).toEqual([
      'type Meeting is not an OParl 1.1 type',
    ]);
  });
});
