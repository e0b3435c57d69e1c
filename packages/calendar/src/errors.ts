/**
 * The State Council has not published (or this package does not yet ship) the holiday arrangement of `year`, so
 * no working day of that year can be known. Callers that must still give a deadline (domain rule: "computed
 * Mon-Fri and flagged") use the …Provisional functions, whose answers say so; the strict ones never guess.
 */
export class CalendarNotPublishedError extends Error {
  readonly code = 'CALENDAR_NOT_PUBLISHED';
  constructor(readonly year: number) {
    super(`${year}年节假日安排尚未发布，无法计算工作日`);
    this.name = 'CalendarNotPublishedError';
  }
}

/** A bad argument: a string that is not a real YYYY-MM-DD date, a negative or fractional count, a bad override. */
export class CalendarInputError extends RangeError {
  readonly code = 'CALENDAR_INVALID_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}
