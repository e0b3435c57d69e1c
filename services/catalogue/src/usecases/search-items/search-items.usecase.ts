import { ValidationError, type Violation } from '@govhall/errors';
import { HANDLING_CATEGORIES, ITEM_KINDS } from '../../domain/item';
import type { ItemSearch, ItemSummary } from '../public.ports';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';

export interface SearchItemsInput {
  /** '' or absent: every tenant. */
  tenant?: string;
  /** 就近办理: the region where the applicant is; its tenant's items and those of the tenants above it, closest first. */
  near?: string;
  department?: string;
  kind?: string;
  handlingCategory?: string;
  keyword?: string;
  pageSize?: number;
  pageToken?: string;
}

export interface SearchItemsResult {
  items: ItemSummary[];
  nextPageToken: string;
  total: number;
}

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
const DEPARTMENT_CODE = /^\d{6}(\d{3}(\d{3})?)?-[A-Z0-9]{2,16}$/;
const MAX_KEYWORD = 100;

function check(input: SearchItemsInput): Violation[] {
  const v: Violation[] = [];
  if (input.tenant && !REGION_CODE.test(input.tenant)) {
    v.push({ path: 'tenant', reason: 'PATTERN', message: '行政区划代码应为6、9或12位数字' });
  }
  if (input.near && !REGION_CODE.test(input.near)) {
    v.push({ path: 'near', reason: 'PATTERN', message: '所在地区的行政区划代码应为6、9或12位数字' });
  }
  if (input.department && !DEPARTMENT_CODE.test(input.department)) {
    v.push({ path: 'department', reason: 'PATTERN', message: '部门编码应为“行政区划代码-部门代码”，如 620321-SCJG' });
  }
  if (input.kind && !(ITEM_KINDS as readonly string[]).includes(input.kind)) {
    v.push({ path: 'kind', reason: 'ENUM', message: `事项类型应为以下之一：${ITEM_KINDS.join('、')}` });
  }
  if (input.handlingCategory && !(HANDLING_CATEGORIES as readonly string[]).includes(input.handlingCategory)) {
    v.push({ path: 'handlingCategory', reason: 'ENUM', message: '办件类型应为即办件、承诺件、联办件或上报件' });
  }
  if ((input.keyword ?? '').length > MAX_KEYWORD) {
    v.push({ path: 'keyword', reason: 'LENGTH', message: `搜索词不能超过${MAX_KEYWORD}个字符` });
  }
  return v;
}

/** The value of `read`, or 0 with its violations added to `violations`. */
function collect(read: () => number, violations: Violation[]): number {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    violations.push(...e.violations);
    return 0;
  }
}

/**
 * Public search of published items (anonymous): filters by tenant, department, kind and handling category, and
 * a keyword in Chinese or an item code; best match first, or in catalogue order without a keyword. `near` (就近办理)
 * keeps the items the applicant can handle where they are and above, the closest first.
 */
export function searchItemsUseCase(deps: { search: ItemSearch }) {
  return async (input: SearchItemsInput): Promise<SearchItemsResult> => {
    const violations = check(input);
    const limit = collect(() => pageSize(input.pageSize, { max: 50 }), violations);
    const offset = collect(() => decodePageToken(input.pageToken), violations);
    if (violations.length) throw new ValidationError(violations);

    const page = deps.search.search({
      tenant: input.tenant || undefined,
      near: input.near || undefined,
      department: input.department || undefined,
      kind: input.kind || undefined,
      handlingCategory: input.handlingCategory || undefined,
      keyword: input.keyword ?? '',
      offset,
      limit,
    });
    const next = offset + limit;
    return { items: page.items, total: page.total, nextPageToken: next < page.total ? encodePageToken(next) : '' };
  };
}
