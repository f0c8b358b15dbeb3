// The statutory calendar: dates, England and Wales working days, statutory periods and London time.
// Pure functions only; every module counts deadlines through this surface.
export { type BankHoliday, bankHolidayOn, bankHolidaysInYear, isBankHoliday } from './bank-holidays.ts';
export {
  addDays,
  calendarDate,
  dayOfWeek,
  daysBetween,
  type IsoDate,
  isIsoDate,
  isWeekend,
  MONTH_NAMES,
  parseIsoDate,
} from './dates.ts';
export {
  endOfLondonDay,
  isOnOrBeforeLondonDay,
  londonDateOf,
  londonDateTimeOf,
  londonDateTimeToInstant,
  startOfLondonDay,
} from './london-time.ts';
export {
  daysBeginningWith,
  endOfFinancialYear,
  type FinancialYear,
  financialYearOf,
  financialYearStarting,
  parseFinancialYear,
  weeksBeginningWith,
  withinDaysOf,
} from './periods.ts';
export {
  addWorkingDays,
  clearWorkingDaysBefore,
  countWorkingDays,
  hasClearWorkingDays,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBefore,
} from './working-days.ts';
