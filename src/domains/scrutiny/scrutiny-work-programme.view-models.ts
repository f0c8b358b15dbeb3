import { formatDate } from '../../kernel/formats/dates.ts';
import { meetingWhen } from './scrutiny.view-models.ts';
import { FUNCTION_LABELS, isReservedFunction } from './scrutiny-functions.ts';
import type { WorkProgrammeService } from './scrutiny-work-programme.service.ts';

type Programme = Awaited<ReturnType<WorkProgrammeService['readProgramme']>>;
type Entry = Programme['coming'][number];

function toEntryView({ entry, items, meeting }: Entry) {
  return {
    programme: entry.programme,
    bodyName: entry.bodyName,
    date: formatDate(entry.meetsOn),
    meeting: meeting ? { url: `/meetings/${meeting.id}`, when: meetingWhen(meeting.startsAt) } : null,
    mainFocus: entry.mainFocus,
    statutory:
      entry.function && isReservedFunction(entry.function)
        ? `A statutory item for the full panel: ${FUNCTION_LABELS[entry.function].label}`
        : null,
    items: items.map((item) => item.title),
  };
}

/** Coming meetings soonest first; earlier programme entries grouped by programme, latest first. */
export function toWorkProgrammeView(programme: Programme) {
  const past = programme.past.map(toEntryView);
  const programmes = [...new Set(past.map((entry) => entry.programme))];
  return {
    coming: programme.coming.map(toEntryView),
    past: programmes.map((name) => ({ name, entries: past.filter((entry) => entry.programme === name) })),
  };
}
