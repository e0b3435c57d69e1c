import type { CatalogueGuides } from '@govhall/catalogue-guides';
import { catalogueV1 } from '@govhall/proto';
import type { PublishedItems } from '../../usecases/consultations/ports';

/**
 * A published item of the tenant from the catalogue's public guide: its name, 基本编码 and department; null for an
 * id the catalogue does not know, of another tenant, or not (or no longer) published.
 */
export class CataloguePublishedItems implements PublishedItems {
  constructor(private readonly guides: Pick<CatalogueGuides, 'current'>) {}

  async find(tenant: string, itemId: string) {
    const item = (await this.guides.current(itemId))?.item;
    if (!item || item.tenant !== tenant || item.status !== catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED) return null;
    return { id: item.id, code: item.basicCode, name: item.name, department: item.department };
  }
}
