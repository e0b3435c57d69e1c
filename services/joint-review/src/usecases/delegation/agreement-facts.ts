import { ConflictError } from '@govhall/errors';
import {
  lastDay,
  overlaps,
  type AgreementContent,
  type AgreementFacts,
  type ItemOfSeries,
  type WindowFacts,
} from '../../domain/delegation/agreement';
import type { DelegationDeps } from './delegation.ports';

/**
 * What the content names, as the catalogue and identity know it: the department, each item series (its first
 * edition's guide: the implementing department, name and code) and each window (kind and departments served).
 */
export async function agreementFacts(
  deps: Pick<DelegationDeps, 'items' | 'windows' | 'duty'>,
  tenant: string,
  content: AgreementContent,
): Promise<AgreementFacts> {
  const seriesIds = [...new Set(content.itemSeriesIds.filter((id) => id.trim() !== ''))];
  const windowIds = [...new Set(content.windowIds.filter((id) => id.trim() !== ''))];
  const [departmentKnown, items, windows] = await Promise.all([
    content.department ? deps.duty.hasDepartment(tenant, content.department) : Promise.resolve(false),
    Promise.all(seriesIds.map((id) => deps.items.get(id))),
    Promise.all(windowIds.map((id) => deps.windows.get(tenant, id))),
  ]);
  return {
    departmentKnown,
    items: new Map<string, ItemOfSeries | null>(
      seriesIds.map((id, i) => {
        const item = items[i];
        // Only an item series of this tenant (its first edition's id is the series id).
        const ofSeries = item && item.seriesId === id && item.tenant === tenant;
        return [
          id,
          ofSeries ? { department: item.department, name: item.name, basicCode: item.basicCode ?? '' } : null,
        ];
      }),
    ),
    windows: new Map<string, WindowFacts | null>(windowIds.map((id, i) => [id, windows[i] ?? null])),
  };
}

/** ITEM_ALREADY_DELEGATED: an item of the content is under another agreement whose period overlaps. */
export async function requireItemsFree(
  deps: Pick<DelegationDeps, 'agreements'>,
  tenant: string,
  content: AgreementContent,
  self: string,
): Promise<void> {
  const period = { from: content.validFrom, until: content.validUntil };
  for (const seriesId of new Set(content.itemSeriesIds)) {
    const others = await deps.agreements.coveringSeries(tenant, seriesId);
    const clash = others.find((a) => {
      const until = lastDay(a);
      // An agreement terminated before it took effect covers no day.
      const empty = until !== '' && until < a.validFrom;
      return a.id !== self && !empty && overlaps(period, { from: a.validFrom, until });
    });
    if (clash) {
      const error = new ConflictError('ITEM_ALREADY_DELEGATED', '该事项已有生效期间重叠的委托代办协议');
      error.metadata = { agreementId: clash.id, itemSeriesId: seriesId };
      throw error;
    }
  }
}
