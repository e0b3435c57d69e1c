import { decodeEnvelope } from '@govhall/kafka';
import { catalogueV1 } from '@govhall/proto';
import { actors } from '../../usecases/get-calendar/calendar.test-double';
import { CALENDAR_TOPIC, toOutbox } from './calendar-events';

describe('calendar events', () => {
  it('publishes CalendarChanged on govhall.catalogue.calendar, keyed by the tenant, with the year and the override', () => {
    const occurredAt = new Date('2026-11-26T02:00:00Z');
    const messages = toOutbox(
      [
        {
          type: 'CalendarChanged',
          tenant: '620321',
          override: { date: '2027-03-01', kind: 'holiday', reason: '本地民族传统节日' },
          set: true,
          version: 4,
          occurredAt,
        },
        {
          type: 'CalendarChanged',
          tenant: '620321',
          override: { date: '2026-12-26', kind: 'workday', reason: '本地调休上班' },
          set: false,
          version: 5,
          occurredAt,
        },
      ],
      actors.ycAdmin,
    );
    expect(messages.map((m) => [m.topic, m.key])).toEqual([
      [CALENDAR_TOPIC, '620321'],
      [CALENDAR_TOPIC, '620321'],
    ]);
    const envelopes = messages.map((m) => decodeEnvelope(m.value));
    expect(envelopes.map((e) => [e.type, e.tenant, e.aggregateId, e.aggregateVersion, e.occurredAt])).toEqual([
      ['govhall.catalogue.v1.CalendarChanged', '620321', '620321', 4, occurredAt],
      ['govhall.catalogue.v1.CalendarChanged', '620321', '620321', 5, occurredAt],
    ]);
    expect(envelopes[0]!.actor).toMatchObject({ username: 'yc-admin', tenant: '620321' });
    expect(envelopes.map((e) => catalogueV1.CalendarChanged.decode(e.payload))).toEqual([
      {
        tenant: '620321',
        year: 2027,
        override: { date: '2027-03-01', working: false, reason: '本地民族传统节日' },
        set: true,
      },
      {
        tenant: '620321',
        year: 2026,
        override: { date: '2026-12-26', working: true, reason: '本地调休上班' },
        set: false,
      },
    ]);
  });
});
