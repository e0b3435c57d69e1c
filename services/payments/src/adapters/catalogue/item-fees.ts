import type { CatalogueGuides } from '@govhall/catalogue-guides';
import type { ItemFeeLine, ItemFees } from '../../usecases/ports';

/** An item edition's fee lines from the catalogue's public guide. */
export class CatalogueItemFees implements ItemFees {
  constructor(private readonly guides: CatalogueGuides) {}

  async linesOf(itemId: string): Promise<ItemFeeLine[] | null> {
    const guide = await this.guides.get(itemId);
    if (!guide?.item) return null;
    return (guide.item.content?.fees ?? []).map((f) => ({
      feeCode: f.feeCode.trim().toUpperCase(),
      name: f.name,
      reductions: f.reductions,
    }));
  }
}
