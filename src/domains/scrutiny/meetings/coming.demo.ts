import { addDays, type IsoDate, londonDateOf } from '../../../kernel/calendar/index.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { type PanelFile, PanelFileSchema } from './panel.file-schema.ts';

/** How many coming meetings the demo keeps, and how far ahead the first is (so questions are still open). */
const COMING_MEETINGS = 2;
const FIRST_AT_LEAST_DAYS_AHEAD = 21;
const THURSDAY = 4;

/** The first Thursday of the month that `date` is in. */
function firstThursdayOfMonth(date: IsoDate): IsoDate {
  const first = `${date.slice(0, 7)}-01`;
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  return addDays(first, (THURSDAY - weekday + 7) % 7);
}

/**
 * The demo's coming meetings: the first Thursday of each month, starting with the first at least three weeks
 * after today. The dates sit on that fixed grid, so loading the demo again on another day finds the same
 * meetings (matched by their start, the panel file's key) and adds nothing twice; as months pass, the next
 * ones are added. Each is titled "Demonstration:" and held at a made-up venue, so no one takes it for real.
 */
export function comingDemoMeetings(today: Date, template: PanelFile): PanelFile {
  const earliest = addDays(londonDateOf(today), FIRST_AT_LEAST_DAYS_AHEAD);
  const dates: IsoDate[] = [];
  let month = `${londonDateOf(today).slice(0, 7)}-01`;
  while (dates.length < COMING_MEETINGS) {
    const date = firstThursdayOfMonth(month);
    if (date >= earliest) dates.push(date);
    month = firstOfNextMonth(month);
  }
  return PanelFileSchema.parse({
    format: template.format,
    body: template.body,
    questionRules: template.questionRules,
    meetings: dates.map((date) => ({
      title: `Demonstration: Thames Valley Police and Crime Panel, ${formatDate(date)}`,
      date,
      time: '10:00',
      venue: 'Demonstration only: not a real meeting',
      status: 'agenda-published',
      agenda: DEMO_AGENDA,
    })),
  });
}

const DEMO_AGENDA = [
  { position: 1, title: 'Apologies for absence' },
  { position: 2, title: 'Declarations of interest' },
  {
    position: 3,
    title: 'Public question time',
    purpose: 'Questions sent in by the public through this site are put to the Commissioner.',
  },
  {
    position: 4,
    title: 'Progress on the police and crime plan',
    purpose: 'A demonstration item: the panel reviews the scorecard with the Commissioner.',
  },
];

function firstOfNextMonth(first: IsoDate): IsoDate {
  return addDays(first, 32).slice(0, 7).concat('-01');
}
