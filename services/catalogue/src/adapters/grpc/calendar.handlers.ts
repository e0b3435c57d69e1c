import type { GrpcServer } from '@govhall/grpc';
import type { catalogueV1 } from '@govhall/proto';
import type { CalendarUseCases } from '../../usecases/calendar.use-cases';
import { overrideFromProto, toProtoCalendarYear } from './calendar.mapper';

export type { CalendarUseCases } from '../../usecases/calendar.use-cases';

type CalendarRpcs =
  'getCalendar' | 'setCalendarOverride' | 'removeCalendarOverride' | 'addWorkingDays' | 'countWorkingDays';

/** Working-day calendar RPCs: proto ⇄ use case. Reading and counting are anonymous; overrides need a token. */
export function calendarHandlers(
  server: GrpcServer,
  uc: CalendarUseCases,
  afterWrite: () => void,
): Pick<catalogueV1.CatalogueServiceServer, CalendarRpcs> {
  return {
    getCalendar: server.unary<catalogueV1.GetCalendarRequest, catalogueV1.GetCalendarResponse>(
      'GetCalendar',
      async (req) => ({ calendar: toProtoCalendarYear(await uc.getCalendar({ tenant: req.tenant, year: req.year })) }),
      { auth: 'none' },
    ),
    setCalendarOverride: server.unary<catalogueV1.SetCalendarOverrideRequest, catalogueV1.SetCalendarOverrideResponse>(
      'SetCalendarOverride',
      async (req, ctx) => {
        const calendar = await uc.setCalendarOverride(
          { tenant: req.tenant, override: overrideFromProto(req.override) },
          ctx.principal,
        );
        afterWrite();
        return { calendar: toProtoCalendarYear(calendar) };
      },
    ),
    removeCalendarOverride: server.unary<
      catalogueV1.RemoveCalendarOverrideRequest,
      catalogueV1.RemoveCalendarOverrideResponse
    >('RemoveCalendarOverride', async (req, ctx) => {
      const calendar = await uc.removeCalendarOverride({ tenant: req.tenant, date: req.date }, ctx.principal);
      afterWrite();
      return { calendar: toProtoCalendarYear(calendar) };
    }),
    addWorkingDays: server.unary<catalogueV1.AddWorkingDaysRequest, catalogueV1.AddWorkingDaysResponse>(
      'AddWorkingDays',
      async (req) => uc.addWorkingDays({ tenant: req.tenant, start: req.start, days: req.days }),
      { auth: 'none' },
    ),
    countWorkingDays: server.unary<catalogueV1.CountWorkingDaysRequest, catalogueV1.CountWorkingDaysResponse>(
      'CountWorkingDays',
      async (req) => uc.countWorkingDays({ tenant: req.tenant, from: req.from, to: req.to }),
      { auth: 'none' },
    ),
  };
}
