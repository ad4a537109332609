/**
 * Jakarta calendar days as day numbers (days since 1970-01-01, the convention of etl/domain/period) and
 * months as month indexes (year × 12 + month − 1, etl/domain/period `monthIndex`). The generator formats
 * millions of dates, so conversions are integer arithmetic (Howard Hinnant's civil-date algorithms)
 * instead of going through Date objects.
 */

/** Day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function civil(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` */
export function isoDate(dayNumber: number): string {
  const [y, m, d] = civil(dayNumber);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** `YYYY-MM-DDTHH:MM:SS`, Jakarta wall-clock time without offset as the contract wants it. */
export function isoDateTime(dayNumber: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  return `${isoDate(dayNumber)}T${pad2(h)}:${pad2(mi)}:${pad2(secondOfDay % 60)}`;
}

/** `YYMMDD`, as payment references carry the day. */
export function yymmdd(dayNumber: number): string {
  const [y, m, d] = civil(dayNumber);
  return pad2(y % 100) + pad2(m) + pad2(d);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Month index of a day number. */
export function monthOfDay(dayNumber: number): number {
  const [y, m] = civil(dayNumber);
  return y * 12 + m - 1;
}

export function firstDayOfMonth(monthIdx: number): number {
  return dayOf(Math.floor(monthIdx / 12), (monthIdx % 12) + 1, 1);
}

export function lastDayOfMonth(monthIdx: number): number {
  return firstDayOfMonth(monthIdx + 1) - 1;
}

/** Calendar month 1–12 of a month index. */
export function calendarMonth(monthIdx: number): number {
  return (monthIdx % 12) + 1;
}

/**
 * National holidays the collection teams do not work: the fixed-date ones every year, and the working
 * days of Idul Fitri and its collective leave (cuti bersama) for the years the teams exist.
 */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '06-01', '08-17', '12-25']);
const IDUL_FITRI = new Set(['2023-04-21', '2023-04-24', '2024-04-10', '2024-04-11', '2025-03-31', '2025-04-01', '2026-03-20', '2026-03-21']);

/** A Jakarta working day: Monday to Friday, not a national holiday. */
export function isWorkingDay(dayNumber: number): boolean {
  const w = weekday(dayNumber);
  if (w === 0 || w === 6) return false;
  const iso = isoDate(dayNumber);
  return !FIXED_HOLIDAYS.has(iso.slice(5)) && !IDUL_FITRI.has(iso);
}

const workingDaysByMonth = new Map<number, readonly number[]>();

/** The working days of a month, in order (asked for every customer and month, so computed once). */
export function workingDaysOf(monthIdx: number): readonly number[] {
  let days = workingDaysByMonth.get(monthIdx);
  if (days === undefined) {
    const list: number[] = [];
    for (let d = firstDayOfMonth(monthIdx); d <= lastDayOfMonth(monthIdx); d++) if (isWorkingDay(d)) list.push(d);
    workingDaysByMonth.set(monthIdx, (days = list));
  }
  return days;
}
