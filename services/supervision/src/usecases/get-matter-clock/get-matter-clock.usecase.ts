import type { Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import { checkMatterId, isUnrestricted, mayRead } from '../clocks.access';
import type { MatterStore } from '../clocks.ports';

/** One matter's clock. A matter the caller may not see is answered as not found, so its existence is not told. */
export function getMatterClockUseCase(deps: { matters: Pick<MatterStore, 'get'> }) {
  return async (matterId: string, actor: Principal): Promise<MatterClock> => {
    checkMatterId(matterId, 'matterId', true);
    if (!isUnrestricted(actor) && !actor.roles.includes('supervisor')) {
      throw new ForbiddenError('SUPERVISION_READ_FORBIDDEN', '只有监察人员可以查看监察记录');
    }
    const stored = await deps.matters.get(matterId);
    if (!stored || !mayRead(actor, stored.clock.tenant)) {
      throw new NotFoundError('MATTER_NOT_FOUND', '未找到该办件的监察计时');
    }
    return stored.clock;
  };
}
