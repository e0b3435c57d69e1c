import type { Principal } from '@govhall/auth';
import { chinaToday, createWorkingCalendar, type CalendarOverride } from '@govhall/calendar';
import { ValidationError, type Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';
import type { CalendarDeps, TenantCalendars } from '../calendar.ports';
import { dateViolations, ensureHosted, tenantViolations, throwIfInvalid } from '../get-calendar/calendar-input';
import type { TenantCalendarYear } from '../get-calendar/get-calendar.usecase';
import { changeableDateViolations, changeOverrides, ensureCalendarWrite } from './change-overrides';

export interface SetCalendarOverrideCommand {
  tenant: string;
  override?: {
    date: string;
    /** true: a local working day; false: a local holiday. */
    working: boolean;
    reason: string;
  };
}

/** The State Council's calendar, which an override must change. */
const national = createWorkingCalendar();

/** The shared text rule (no control, bidi or invisible characters; 2-50 characters), with the example people need. */
function reasonViolations(reason: string): Violation[] {
  return textViolations('override.reason', reason, { label: '本地调整的原因', min: 2, max: 50 }).map((v) =>
    v.reason === 'REQUIRED' || v.reason === 'LENGTH'
      ? {
          ...v,
          message: `请填写本地调整的原因（2至50个字），如“三月三（壮族传统节日）”，当前为${Array.from(reason).length}个字`,
        }
      : v,
  );
}

/** An override that changes nothing (a weekend declared a holiday, a weekday declared a working day) is refused. */
function ensureHasEffect(date: string, working: boolean): void {
  const day = national.describeProvisional(date);
  if (day.working !== working) return;
  const message = working
    ? `${date} 按国家安排本就是工作日${day.kind === 'makeup-workday' ? `（${day.name}调休上班）` : ''}，无需设为本地上班日`
    : `${date} 按国家安排本就不上班（${day.name ?? '周末'}），无需设为本地放假日`;
  throw new ValidationError(
    [{ path: 'override.working', reason: 'OVERRIDE_NO_EFFECT', message }],
    `${message}；如要取消该日已有的本地调整，请使用“取消本地调整”`,
    'OVERRIDE_NO_EFFECT',
  );
}

/**
 * The tenant's center administrator declares a day a local holiday (e.g. an ethnic festival) or a local working
 * day, or changes the reason of the day's override. Only today or later; the change applies to this tenant's
 * deadlines only. Returns the calendar of the override's year.
 */
export function setCalendarOverrideUseCase(deps: CalendarDeps & { calendars: TenantCalendars }) {
  return async (command: SetCalendarOverrideCommand, actor: Principal): Promise<TenantCalendarYear> => {
    const tenant = command.tenant.trim();
    const input = command.override;
    const reason = normalizeText(input?.reason ?? '');
    throwIfInvalid([
      ...tenantViolations(tenant),
      ...(input
        ? [...dateViolations('override.date', input.date), ...reasonViolations(reason)]
        : [{ path: 'override', reason: 'REQUIRED', message: '请填写本地调整：日期、上班还是放假、原因' }]),
    ]);
    const { date, working } = input!;
    throwIfInvalid(changeableDateViolations('override.date', date, chinaToday(deps.clock.now()), 'set'));
    ensureHasEffect(date, working);
    ensureCalendarWrite(deps.authorizer, actor, tenant);
    ensureHosted(deps.hostedTenants, tenant);

    const override: CalendarOverride = { date, kind: working ? 'workday' : 'holiday', reason };
    const { calendar } = await changeOverrides(deps, tenant, actor, (current) => {
      const existing = current.overrides.find((o) => o.date === date);
      if (existing?.kind === override.kind && existing.reason === override.reason) return undefined;
      return { overrides: [...current.overrides.filter((o) => o.date !== date), override], override, set: true };
    });
    return { tenant, ...calendar.yearSummary(Number(date.slice(0, 4))) };
  };
}
