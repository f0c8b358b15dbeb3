import { formatDate } from '../../../kernel/formats/dates.ts';
import { meetingWhen } from '../scrutiny.view-models.ts';
import { FUNCTION_LABELS, isReservedFunction } from '../scrutiny-functions.ts';
import { workProgrammePaths } from './work-programme.paths.ts';
import type { WorkProgrammeService } from './work-programme.service.ts';

type Programme = Awaited<ReturnType<WorkProgrammeService['readProgramme']>>;
type Entry = Programme['coming'][number];

function toEntryView({ entry, items, meeting, canManage }: Entry) {
  return {
    editUrl: canManage ? workProgrammePaths.edit({ id: entry.id }) : null,
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
    canManage: programme.canManage,
    newUrl: workProgrammePaths.new(),
    coming: programme.coming.map(toEntryView),
    past: programmes.map((name) => ({ name, entries: past.filter((entry) => entry.programme === name) })),
  };
}

type EntryRead = Awaited<ReturnType<WorkProgrammeService['readEntry']>>;

/** An entry's saved values as its form shows them: the other items one a line. */
export function toEntryFormValues(read: EntryRead) {
  return {
    programme: read.entry.programme,
    meetsOn: read.entry.meetsOn,
    mainFocus: read.entry.mainFocus ?? '',
    function: read.entry.function ?? '',
    items: read.items.map((item) => item.title).join('\n'),
  };
}

/** "2016/17" for a date from April 2016 to March 2017: a suggestion for a new entry's programme year. */
export function programmeYearOf(date: string): string {
  const year = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 4 ? 1 : 0);
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
