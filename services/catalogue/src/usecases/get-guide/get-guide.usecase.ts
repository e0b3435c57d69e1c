import type { DirectoryNames, Guide, PublishedItems } from '../public.ports';
import { getPublishedItemUseCase } from '../get-published-item/get-published-item.usecase';

/**
 * The service guide (办事指南) of a published or superseded item (anonymous): the item with its department's and
 * tenant's names and the tenant's service center (the item's own location when the center is unknown).
 */
export function getGuideUseCase(deps: { published: PublishedItems; names: DirectoryNames }) {
  const getPublishedItem = getPublishedItemUseCase(deps);
  return async (id: string): Promise<Guide> => {
    const item = await getPublishedItem(id);
    const [departmentName, tenantName, center, coDepartmentNames] = await Promise.all([
      deps.names.departmentName(item.department),
      deps.names.tenantName(item.tenant),
      deps.names.serviceCenter(item.tenant),
      Promise.all(item.content.coDepartments.map((code) => deps.names.departmentName(code))),
    ]);
    return {
      item,
      departmentName,
      tenantName,
      center: center ?? { ...item.content.location },
      coDepartmentNames,
    };
  };
}
