import { status } from '@grpc/grpc-js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { identityV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { hallScreenOwnTenant } from '../../../../lib/hall-screen-scope';
import { TenantParams } from './identity.schemas';
import { ON_DUTY_READERS } from './roles';

const tags = ['identity'];

/** On duty: the A post, the B post standing in; covered (both away, the department head or center takes the queue). */
const Duty = Type.Union([
  Type.Literal('a_post'),
  Type.Literal('b_post'),
  Type.Literal('covered'),
  Type.Literal('unstaffed'),
]);

const WindowOnDuty = Type.Object({
  id: Type.String(),
  number: Type.String({ description: '窗口编号，如 A03' }),
  name: Type.String(),
  duty: Duty,
  servedBy: Type.Optional(
    Type.String({ description: '当班人员的姓名（大厅向办事群众展示的名字），A岗或B岗在岗时才有；不含账号和电话' }),
  ),
});

function dutyOf(basis: identityV1.ResponsibilityBasis): 'a_post' | 'b_post' | 'covered' {
  if (basis === identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_A_POST) return 'a_post';
  if (basis === identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_B_POST) return 'b_post';
  return 'covered';
}

/**
 * Today's duty of a hall's windows, for its big screen (ADR 0049): each window with the person serving it, named as
 * the hall shows them to applicants (display name only), from identity's ListWindows and GetWindowResponsible.
 */
const windowsOnDutyRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.get(
    '/tenants/:code/windows/on-duty',
    {
      config: { auth: { roles: ON_DUTY_READERS } },
      preHandler: hallScreenOwnTenant,
      schema: {
        tags,
        summary:
          '今日窗口当班情况（大厅大屏）：A岗在岗、B岗顶岗、均不在岗（由部门负责人或中心代管，暂停服务）或无人；' +
          '只给出当班人员姓名',
        params: TenantParams,
        response: {
          200: Type.Object({ windows: Type.Array(WindowOnDuty) }),
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const { windows } = await call(
        request,
        'listWindows',
        { tenant: request.params.code },
        { tenant: 'params.code' },
      );
      const onDuty = await Promise.all(
        windows.map(async (w) => {
          const shown = { id: w.id, number: w.number, name: w.name };
          try {
            const res = await call(request, 'getWindowResponsible', { windowId: w.id, date: '' });
            const duty = dutyOf(res.basis);
            return duty === 'covered' ? { ...shown, duty } : { ...shown, duty, servedBy: res.responsible?.displayName };
          } catch (e) {
            // WINDOW_UNSTAFFED: nobody at all may take the queue today.
            if ((e as { code?: number }).code === status.FAILED_PRECONDITION)
              return { ...shown, duty: 'unstaffed' as const };
            throw e;
          }
        }),
      );
      return { windows: onDuty.sort((a, b) => a.number.localeCompare(b.number)) };
    },
  );
};

export default windowsOnDutyRoutes;
