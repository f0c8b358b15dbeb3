/** A proposed appointment as the form posts it: notified on 26 January 2026, so the report is due by 15 February. */
export const APPOINTMENT = (body: string, post = 'chief-constable') => ({
  body,
  post,
  candidate: 'Test Candidate',
  'notifiedOn-day': '26',
  'notifiedOn-month': '1',
  'notifiedOn-year': '2026',
  criteria: 'The criteria.',
  suitability: 'Why the candidate meets them.',
  terms: 'Five years.',
});

/** The Panel's report fields for the fixture's meeting of 5 February 2026. */
export const REPORT = (meetingId: number, fields: Record<string, unknown>) => ({
  meeting: String(meetingId),
  'reportedOn-day': '5',
  'reportedOn-month': '2',
  'reportedOn-year': '2026',
  ...fields,
});
