import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Clock } from '@govhall/clock';
import { hallToday, type HallToday } from '../../domain/clocks/hall-today';
import { hallReadSelector } from '../clocks.access';
import type { MatterStore } from '../clocks.ports';

/**
 * The hall's figures of today (the big screen): "today" is supervision's day in China, so that the screen and the
 * signals agree; the tenants are those of ListClocks (the caller's own when empty, and below it when asked); a hall
 * screen's device account reads its own tenant alone.
 */
export function getHallTodayUseCase(deps: { matters: Pick<MatterStore, 'hallRows'>; clock: Clock }) {
  return async (q: { tenant: string; includeSubordinates: boolean }, actor: Principal): Promise<HallToday> => {
    const selector = hallReadSelector(actor, q);
    const date = chinaToday(deps.clock.now());
    return hallToday(date, await deps.matters.hallRows(selector, date));
  };
}
