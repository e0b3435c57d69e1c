import { computeDeadline } from './deadline';
import { CalendarInputError } from './errors';
import { receivedDate } from './iso-date';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();

describe('receivedDate', () => {
  it.each([
    // instant (UTC), hall hours, receipt date in China
    ['2026-03-05T08:59:59.999Z', undefined, '2026-03-05'], // 16:59:59.999 in Beijing
    ['2026-03-05T15:59:59.999Z', undefined, '2026-03-05'], // 23:59:59.999: no hall hours, the calendar day
    ['2026-03-05T16:00:00Z', undefined, '2026-03-06'], // midnight in Beijing
    ['2026-03-05T08:59:59.999Z', '17:00', '2026-03-05'],
    ['2026-03-05T09:00:00Z', '17:00', '2026-03-06'], // 17:00: the hall is closed, it counts as the next day
    ['2026-03-05T10:30:00Z', '17:00', '2026-03-06'],
    ['2026-03-05T10:30:00Z', '19:00', '2026-03-05'], // extended hours (延时服务, A34)
    ['2026-03-05T11:00:00Z', '19:00', '2026-03-06'],
    ['2026-03-05T15:59:00Z', '24:00', '2026-03-05'], // open until midnight
    ['2026-03-05T16:30:00Z', '17:00', '2026-03-06'], // 00:30 the next morning is that morning's day
    ['2026-12-31T09:30:00Z', '17:00', '2027-01-01'],
  ])('%s with closing time %s is received on %s', (instant, closesAt, expected) => {
    const hours = closesAt === undefined ? undefined : { closesAt };
    expect(receivedDate(new Date(instant), hours)).toBe(expected);
  });

  it('a 即办件 received after hours on a Friday is due on Monday, one received before closing the same day', () => {
    const hours = { closesAt: '17:00' };
    const friday = (time: string) => receivedDate(new Date(`2026-03-06T${time}+08:00`), hours);
    const sameDay = (startDate: string) => computeDeadline(calendar, { startDate, limitWorkingDays: 0 }).dueDate;
    expect(sameDay(friday('16:30:00'))).toBe('2026-03-06');
    expect(friday('17:30:00')).toBe('2026-03-07');
    expect(sameDay(friday('17:30:00'))).toBe('2026-03-09');
  });

  it.each(['17', '1700', '25:00', '17:60', '24:01', '00:00', '7:00', ''])('refuses closing time %j', (closesAt) => {
    expect(() => receivedDate(new Date('2026-03-05T08:00:00Z'), { closesAt })).toThrow(CalendarInputError);
    expect(() => receivedDate(new Date('2026-03-05T08:00:00Z'), { closesAt })).toThrow(/hallHours\.closesAt 无效/);
  });

  it('refuses an invalid instant', () => {
    expect(() => receivedDate(new Date('nonsense'))).toThrow(/收件时间无效/);
  });
});
