/** A case as the form posts it: a complaint received on 10 March 2025, not yet decided; fields override. */
export const CASE = (fields: Record<string, string> = {}) => ({
  kind: 'complaint',
  subject: 'commissioner',
  complainantName: 'Test Complainant',
  complainantContact: 'complainant@test.example',
  summary: 'The Commissioner was rude at a public meeting.',
  'receivedOn-day': '10',
  'receivedOn-month': '3',
  'receivedOn-year': '2025',
  serious: 'no',
  recording: 'pending',
  ...fields,
});

/** The form's fields of one date. */
export const date = (field: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: day ?? '', [`${field}-month`]: month ?? '', [`${field}-year`]: year ?? '' };
};
