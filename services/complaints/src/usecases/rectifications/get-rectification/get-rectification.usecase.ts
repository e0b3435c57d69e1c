import type { Principal } from '@govhall/auth';
import type { Rectification } from '../../../domain/rectifications/rectification';
import type { RectificationRepository } from '../ports';
import { mayRead } from '../rectification-access';
import { rectificationNotFound } from '../rectification-errors';

/** One rectification, to those who may read it (anyone else: not found). */
export function getRectificationUseCase(deps: { rectifications: RectificationRepository }) {
  return async (id: string, actor: Principal): Promise<Rectification> => {
    const r = id ? await deps.rectifications.find(id) : null;
    if (!r || !mayRead(actor, r)) throw rectificationNotFound();
    return r;
  };
}
