/**
 * The publication duties of the Elected Local Policing Bodies (Specified Information) Order 2011 (SI
 * 2011/3050), as amended by SI 2012/2479, SI 2013/1816 and SI 2021/547, and one duty of the Police Act 1996
 * that officers track beside them. Statute as data: each duty with the Schedule paragraph it comes from, what
 * must be published (in our words), how often, and how far each part was checked.
 *
 * What was checked, and against what (stored public copies; no live web):
 * - `order`: the wording seen in the instrument itself (legislation.gov.uk's Schedule para 5, the 2013 amending
 *   order) or the Home Affairs Committee's table of the Order (HC 69, 2013-14), which also gives the times for
 *   paragraphs 3(a)-(g).
 * - `reproduction`: the wording seen in a PCC's published copy of the amended Schedule (Hampshire,
 *   Hertfordshire, Northamptonshire, Cheshire), not in the instrument.
 * - `research-note`: only in docs/research-governance.md (its own sources), not seen here.
 * A cadence not given by a checked source carries `cadenceNote`: Peelian's working reading, to be checked
 * against Part 2 of the Schedule before it is relied on.
 */

/** How often a duty falls due. */
export type Cadence =
  /** Each month's information, as soon as practicable after the month: Peelian counts it late after the next. */
  | { kind: 'monthly' }
  /** Each financial year's information before the year begins (1 April). */
  | { kind: 'before-financial-year' }
  /** Kept up to date: Peelian asks for it to be confirmed at least once every twelve months. */
  | { kind: 'annual' }
  /** Refreshed each quarter as its source publishes: Peelian counts it late four months after the last. */
  | { kind: 'quarterly' }
  /** Published as each thing happens (a meeting, a decision, a report): late only when the evidence says so. */
  | { kind: 'as-it-happens'; withinDays?: number };

export type Checked = 'order' | 'reproduction' | 'research-note';

export interface Duty {
  /** The Schedule paragraph, e.g. "3(g)"; a duty outside the Order is named by its Act. */
  code: string;
  instrument: string;
  /** The amending order that added or last reworded it, if any. */
  amendedBy?: string;
  heading: string;
  mustPublish: string;
  cadence: Cadence;
  textChecked: Checked;
  /** Set when the cadence is Peelian's reading, not a checked source. */
  cadenceNote?: string;
  /** Anything else not verified, said plainly. */
  note?: string;
}

const SIO = 'SI 2011/3050';
const PART_2_UNCHECKED = 'Part 2 of the Schedule (times of publication) was not seen for this paragraph';
const annual = { kind: 'annual' } as const;
const happens = { kind: 'as-it-happens' } as const;

/** The office holders (the Commissioner and any deputy): paragraph 1. */
const OFFICE_HOLDERS: Duty[] = [
  {
    code: '1(a)-(c)',
    instrument: SIO,
    heading: 'Office holders',
    mustPublish: 'The name, correspondence address and salary of the Commissioner and of any deputy.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: '1(d)',
    instrument: SIO,
    heading: 'Allowances',
    mustPublish:
      'The allowances paid to each office holder for expenses in carrying out the body’s functions.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: `${PART_2_UNCHECKED}; the 2013 order gives 1(d) and 3(h) the same time (its paragraph 13), not seen`,
  },
  {
    code: '1(e)',
    instrument: SIO,
    heading: 'Register of interests of office holders',
    mustPublish:
      'A register of each office holder’s interests: paid employment, offices and other pecuniary interests.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: '1(f)',
    instrument: SIO,
    heading: 'Complaints about office holders',
    mustPublish:
      'How many complaints or conduct matters about an office holder the Panel has brought to the body’s attention.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
];

/** The staff, and gifts and hospitality: paragraphs 2 and 2A. */
const STAFF: Duty[] = [
  {
    code: '2(a)-(c)',
    instrument: SIO,
    heading: 'Staff',
    mustPublish:
      'The number of staff; the proportion who are women, from an ethnic minority or disabled (as far as known); an organisation chart.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: '2(d)',
    instrument: SIO,
    heading: 'Senior employees',
    mustPublish: 'The name, job title, responsibilities and salary of each senior employee.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
    note: 'The salary threshold defining a senior employee was not checked',
  },
  {
    code: '2(e)',
    instrument: SIO,
    heading: 'Gifts and hospitality',
    mustPublish:
      'A register of every gift or hospitality offered to an office holder or member of staff, saying whether it was accepted or refused.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: '2A',
    instrument: SIO,
    amendedBy: 'SI 2012/2479',
    heading: 'Staff of others used by the body',
    mustPublish: 'Any arrangements for the body to use staff of the chief constable or of a local authority.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
    note: 'Which amending order inserted 2A was not checked',
  },
];

const BEFORE_YEAR = { kind: 'before-financial-year' } as const;
const MONTHLY = { kind: 'monthly' } as const;

/** Income and expenditure: paragraph 3. */
const MONEY: Duty[] = [
  { code: '3(a)', heading: 'Budget', mustPublish: 'The body’s total budget.' },
  { code: '3(b)', heading: 'Precept', mustPublish: 'The precept the Commissioner issued.' },
  {
    code: '3(c)',
    heading: 'Sources of revenue',
    mustPublish: 'Each source of revenue the body expects, other than the precept.',
  },
  { code: '3(d)', heading: 'Proposed expenditure', mustPublish: 'What the body proposes to spend.' },
  { code: '3(e)', heading: 'Investment strategy', mustPublish: 'The body’s annual investment strategy.' },
].map((duty) => ({ ...duty, instrument: SIO, cadence: BEFORE_YEAR, textChecked: 'order' as const }));

const SPENDING: Duty[] = [
  {
    code: '3(f)',
    instrument: SIO,
    heading: 'Crime and disorder reduction grants',
    mustPublish:
      'Each crime and disorder reduction grant: recipient, purpose, conditions, and why it would help reduce crime and disorder.',
    cadence: MONTHLY,
    textChecked: 'order',
  },
  {
    code: '3(g)',
    instrument: SIO,
    amendedBy: 'SI 2012/2479',
    heading: 'Spending over £500',
    mustPublish:
      'Each item of spending over £500 by the body or by the chief constable: recipient, purpose, and why it was good value for money.',
    cadence: MONTHLY,
    textChecked: 'order',
    note: 'Peelian keeps date, supplier, amount, category and service area as OPCCs publish them; the reasons for value for money are not a column of that layout',
  },
  {
    code: '3(h)',
    instrument: SIO,
    amendedBy: 'SI 2013/1816',
    heading: 'Office holders’ travel and subsistence',
    mustPublish:
      'Each item of spending on an office holder’s travel, accommodation or subsistence: recipient, purpose and value for money.',
    cadence: annual,
    textChecked: 'order',
    cadenceNote:
      'The 2013 order gives 3(h) the time of 1(d) (paragraph 13 of the Schedule), which was not seen',
  },
];

/** Property, contracts and tenders: paragraph 4. */
const PROPERTY: Duty[] = [
  {
    code: '4(a)',
    heading: 'Premises and land',
    mustPublish: 'The premises and land the body owns or occupies.',
    textChecked: 'order' as Checked,
  },
  {
    code: '4(b)',
    heading: 'Contracts over £10,000',
    mustPublish: 'A copy of each contract worth more than £10,000.',
    textChecked: 'research-note' as Checked,
  },
  {
    code: '4(c)',
    heading: 'Contracts of £10,000 or less',
    mustPublish: 'A list of the contracts worth £10,000 or less.',
    textChecked: 'research-note' as Checked,
  },
  {
    code: '4(d)',
    heading: 'Invitations to tender',
    mustPublish: 'Each invitation to tender for a contract worth more than £10,000.',
    textChecked: 'research-note' as Checked,
  },
].map((duty) => ({
  ...duty,
  instrument: SIO,
  cadence: annual,
  cadenceNote: PART_2_UNCHECKED,
  note:
    duty.code === '4(a)'
      ? undefined
      : 'The letters of paragraph 4 after (a), and which amending order gave the £10,000 wording, were not checked',
}));

/** Decisions and meetings: paragraph 5 (its text seen on legislation.gov.uk). */
const DECISIONS: Duty[] = [
  {
    code: '5(a)',
    heading: 'Public meetings',
    mustPublish: 'The date, time and place of each public meeting the body holds.',
  },
  {
    code: '5(b)',
    heading: 'Agendas and reports',
    mustPublish: 'The agenda of each public meeting and every report or paper on it.',
  },
  {
    code: '5(c)',
    heading: 'Minutes',
    mustPublish:
      'The minutes of each public meeting, and of each private meeting that discussed matters of significant public interest.',
  },
  {
    code: '5(d)',
    heading: 'Decisions',
    mustPublish: 'A record of each decision of significant public interest, however it was made.',
  },
].map((duty) => ({
  ...duty,
  instrument: SIO,
  cadence: happens,
  textChecked: 'order' as const,
  cadenceNote: PART_2_UNCHECKED,
}));

const PROMINENT =
  'Since 31 May 2021 to be placed prominently on the body’s website (Home Office guidance, 2021)';

/** Policies, partnership reports, and the 2021 additions: paragraphs 6 to 8. */
const OTHERS: Duty[] = [
  {
    code: '6',
    instrument: SIO,
    heading: 'Policies',
    mustPublish: 'The policies and procedures by which the body conducts its business.',
    cadence: annual,
    textChecked: 'research-note',
    cadenceNote: PART_2_UNCHECKED,
    note: 'The list of policies in paragraph 6 was not seen',
  },
  {
    code: '7',
    instrument: SIO,
    heading: 'Crime and disorder reports',
    mustPublish:
      'A copy of each report the body requires of a community safety partnership under section 7(1) of the Crime and Disorder Act 1998.',
    cadence: happens,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: '7A',
    instrument: SIO,
    amendedBy: 'SI 2021/547',
    heading: 'National crime and policing measures',
    mustPublish:
      'A statement of the force’s contribution to the national priorities for policing, and which of them apply locally and why.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
    note: `${PROMINENT}; the priorities themselves may have changed since 2021`,
  },
  {
    code: '7B',
    instrument: SIO,
    amendedBy: 'SI 2021/547',
    heading: 'HMICFRS assessment of the force',
    mustPublish:
      'The most recent HMICFRS report on the force’s effectiveness, efficiency and legitimacy (PEEL) and its summary assessment.',
    cadence: happens,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
    note: PROMINENT,
  },
  {
    code: '7C',
    instrument: SIO,
    amendedBy: 'SI 2021/547',
    heading: 'Complaints data',
    mustPublish:
      'The most recent IOPC quarterly data and annual statistics for the force, and a report on how the body held the chief constable to account for complaints handling and on its own complaints functions.',
    cadence: { kind: 'quarterly' },
    textChecked: 'reproduction',
    cadenceNote: 'Quarterly because the IOPC data is; the Order’s own time was not seen',
    note: PROMINENT,
  },
  {
    code: '8',
    instrument: SIO,
    heading: 'Custody visiting',
    mustPublish: 'How the independent custody visiting arrangements (Police Reform Act 2002 s51) operate.',
    cadence: annual,
    textChecked: 'reproduction',
    cadenceNote: PART_2_UNCHECKED,
  },
  {
    code: 'PA1996-s55',
    instrument: 'Police Act 1996 s55(5A)-(5B)',
    amendedBy: 'Policing and Crime Act 2017 s37',
    heading: 'Responses to HMICFRS reports',
    mustPublish:
      'The Commissioner’s comments on each HMICFRS report on the force, with the chief constable’s, saying for each recommendation what has been or will be done.',
    cadence: { kind: 'as-it-happens', withinDays: 56 },
    textChecked: 'research-note',
    note: 'Not a duty of the Order: kept here because officers track it with them',
  },
];

/** Every duty, in the order of the Schedule. */
export const DUTIES: readonly Duty[] = [
  ...OFFICE_HOLDERS,
  ...STAFF,
  ...MONEY,
  ...SPENDING,
  ...PROPERTY,
  ...DECISIONS,
  ...OTHERS,
];

export function findDuty(code: string): Duty | undefined {
  return DUTIES.find((duty) => duty.code === code);
}
