import type { Principal } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { MyList } from '../../domain/case-lists';
import type { CaseSummary } from '../../domain/case-summary';
import { throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import type { CaseQueries } from '../queries.ports';
import { summaries } from '../summaries';

const LISTS: readonly MyList[] = ['drafts', 'submitted', 'in_progress', 'completed'];

/** The caller's own cases of one list (A26): the cases they filed, as a person or as an agent. */
export function listMyCasesUseCase(deps: Pick<CaseCore, 'calendars' | 'clock'> & { queries: CaseQueries }) {
  return async (
    command: { list: MyList | ''; pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ cases: CaseSummary[]; nextPageToken: string; total: number }> => {
    throwIfInvalid(
      LISTS.includes(command.list as MyList)
        ? []
        : [{ path: 'list', reason: 'REQUIRED', message: '请选择列表：草稿、已提交、在办或已办结' }],
    );
    if (!actor.subject) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
    const limit = pageSize(command.pageSize);
    const offset = decodePageToken(command.pageToken);
    const { cases, total } = await deps.queries.listMine(actor.subject, command.list as MyList, offset, limit);
    return {
      cases: await summaries(deps, cases),
      nextPageToken: offset + cases.length < total ? encodePageToken(offset + cases.length) : '',
      total,
    };
  };
}
