import { UnavailableError } from '@govhall/errors';
import type { ItemCatalogue } from './applicants.ports';

/**
 * The catalogue's published items as the use cases see them: tenant → basic codes. `down` makes it answer as an
 * unreachable catalogue does; `asked` records each question.
 */
export class FakeItemCatalogue implements ItemCatalogue {
  readonly published = new Map<string, Set<string>>();
  readonly asked: { tenant: string; basicCodes: string[] }[] = [];
  down = false;

  constructor(published: Record<string, readonly string[]> = {}) {
    for (const [tenant, codes] of Object.entries(published)) this.published.set(tenant, new Set(codes));
  }

  async existingItemCodes(tenant: string, basicCodes: readonly string[]): Promise<ReadonlySet<string>> {
    this.asked.push({ tenant, basicCodes: [...basicCodes] });
    if (this.down) throw new UnavailableError('CATALOGUE_UNAVAILABLE', '暂时无法核对事项目录，请稍后再试');
    const own = this.published.get(tenant) ?? new Set<string>();
    return new Set(basicCodes.filter((code) => own.has(code)));
  }
}
