import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import type { Rectification, RectificationEvent } from '../../domain/rectifications/rectification';
import type { RectificationRepository } from './ports';
import { mayRead } from './rectification-access';
import { rectificationNotFound } from './rectification-errors';

/** A change of one rectification: who may make it, and what it makes of the stored state. */
export interface RectificationChange {
  permit(actor: Principal, current: Rectification): void;
  apply(current: Rectification): Promise<{ rectification: Rectification; events: RectificationEvent[] }>;
}

/**
 * The steps every change takes: the version the caller read is required; one the caller may not read is not found;
 * then who may make it; then a stored version other than the caller's is CONCURRENT_MODIFICATION; the new state is
 * saved with its events in one versioned write.
 */
export async function changeRectification(
  rectifications: RectificationRepository,
  request: { id: string; expectedVersion: number },
  actor: Principal,
  change: RectificationChange,
): Promise<Rectification> {
  if (!Number.isInteger(request.expectedVersion) || request.expectedVersion < 1) {
    throw new ValidationError([
      {
        path: 'expectedVersion',
        reason: 'REQUIRED',
        message: '请提供读取时的版本号（expectedVersion），以免覆盖他人的修改',
      },
    ]);
  }
  const current = request.id ? await rectifications.find(request.id) : null;
  if (!current || !mayRead(actor, current)) throw rectificationNotFound();
  change.permit(actor, current);
  if (current.version !== request.expectedVersion) throw new ConcurrencyError();
  const { rectification, events } = await change.apply(current);
  await rectifications.save(rectification, current.version, events, actor);
  return rectification;
}
