import { ValidationError, type Violation } from '@govhall/errors';
import type { PublishedItems } from '../public.ports';

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
const BASIC_CODE = /^[0-9A-Z]{12}$/;
/** More than any agent grant names; keeps one question one indexed query. */
export const MAX_BASIC_CODES = 100;

export interface FindPublishedItemCodesInput {
  tenant: string;
  basicCodes: readonly string[];
}

function check(input: FindPublishedItemCodesInput): Violation[] {
  const v: Violation[] = [];
  if (!REGION_CODE.test(input.tenant)) {
    v.push({ path: 'tenant', reason: 'PATTERN', message: '行政区划代码应为6、9或12位数字' });
  }
  if (input.basicCodes.length === 0) {
    v.push({ path: 'basicCodes', reason: 'REQUIRED', message: '请至少提供一个事项基本编码' });
  } else if (input.basicCodes.length > MAX_BASIC_CODES) {
    v.push({ path: 'basicCodes', reason: 'TOO_MANY', message: `一次最多查询${MAX_BASIC_CODES}个事项基本编码` });
  } else {
    input.basicCodes.forEach((code, i) => {
      if (!BASIC_CODE.test(code)) {
        v.push({ path: `basicCodes.${i}`, reason: 'PATTERN', message: '基本编码应为12位数字或大写字母' });
      }
    });
  }
  return v;
}

/**
 * Which of these basic codes (基本编码) `tenant` has a published item for (anonymous, public information): the
 * current edition of the tenant's own items only — drafts, submitted and retired items, superseded editions and
 * other tenants' items (a parent's included) do not count. Read from the store, so a publication counts at once.
 * Answers the found codes in request order, each once; identity asks it for the items an agent grant names.
 */
export function findPublishedItemCodesUseCase(deps: { published: PublishedItems }) {
  return async (input: FindPublishedItemCodesInput): Promise<string[]> => {
    const violations = check(input);
    if (violations.length > 0) throw new ValidationError(violations);
    const requested = [...new Set(input.basicCodes)];
    const found = new Set(await deps.published.publishedBasicCodes(input.tenant, requested));
    return requested.filter((code) => found.has(code));
  };
}
