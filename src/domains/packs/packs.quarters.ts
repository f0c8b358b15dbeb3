import { financialYearStarting, type IsoDate, MONTH_NAMES as MONTHS } from '../../kernel/calendar/index.ts';
import type { PackQuarter } from './packs.content.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A quarter of the financial year (April to March, as police finance and performance reporting keep it):
 * quarter 1 of 2025-26 is April to June 2025, quarter 4 is January to March 2026.
 */
export function financialQuarter(financialYear: number, quarter: number): PackQuarter {
  const firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13
  const startYear = financialYear + (firstMonth > 12 ? 1 : 0);
  const startMonth = ((firstMonth - 1) % 12) + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(startYear, endMonth, 0)).getUTCDate();
  const start = `${startYear}-${pad(startMonth)}-01` as IsoDate;
  const end = `${startYear}-${pad(endMonth)}-${pad(lastDay)}` as IsoDate;
  const year = financialYearStarting(financialYear).label;
  return {
    financialYear,
    quarter,
    start,
    end,
    label: `Quarter ${quarter} ${year} (${MONTHS[startMonth - 1]} to ${MONTHS[endMonth - 1]} ${startYear})`,
  };
}

/** The first day of the quarter's last month, `YYYY-MM-01`: the last month of figures the pack judges. */
export function lastMonthOf(quarter: PackQuarter): string {
  return `${quarter.end.slice(0, 7)}-01`;
}
