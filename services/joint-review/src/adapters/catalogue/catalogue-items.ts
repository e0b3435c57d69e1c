import type { CatalogueGuides } from '@govhall/catalogue-guides';
import { catalogueV1 } from '@govhall/proto';
import type { ItemFacts, Items } from '../../usecases/ports';

/** What a joint review needs of an item edition, from the catalogue's public guide (editions never change). */
export class CatalogueItems implements Items {
  constructor(private readonly guides: CatalogueGuides) {}

  async get(itemId: string): Promise<ItemFacts | null> {
    const item = (await this.guides.get(itemId))?.item;
    if (!item) return null;
    return {
      itemId: item.id,
      seriesId: item.seriesId,
      tenant: item.tenant,
      basicCode: item.basicCode,
      name: item.name,
      department: item.department,
      coDepartments: item.content?.coDepartments ?? [],
      promisedWorkingDays: item.content?.promisedLimit?.days ?? 0,
      joint: item.handlingCategory === catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT,
    };
  }
}
