import { NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { supervisionV1 as S } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
} from '../../../../../lib/fake-grpc-server.test-double';
import { at, clock, TENANT } from '../supervision.fixtures.test-double';

export const ORDER_ID = `ord-${'a'.repeat(32)}`;
export const MISSING_ORDER = `ord-${'f'.repeat(32)}`;

export const order: S.SupervisionOrder = {
  id: ORDER_ID,
  tenant: TENANT,
  targetKind: S.OrderTargetKind.ORDER_TARGET_KIND_CASE,
  targetId: 'case-17',
  subject: '食品经营许可办件超期，请说明原因',
  requirement: '请于期限内说明超期原因并提出整改措施。',
  deadlineWorkingDays: 3,
  responsibleDepartment: '620321-SCJG',
  responsiblePerson: 'clerk-a',
  state: S.OrderState.ORDER_STATE_ISSUED,
  issuedBy: 'sup-li',
  issuedAt: at,
  issuedDate: '2026-12-03',
  replies: [],
  returns: [],
  closedBy: '',
  closingNote: '',
  version: 1,
};

const orderClock = { ...clock, matterId: ORDER_ID, kind: S.MatterKind.MATTER_KIND_SUPERVISION_ORDER };

/** The gateway wired to a fake supervision serving OrderService and HistoricalImportService. */
export async function startOrdersFixture() {
  const fake = await startFakeGrpcServers([
    fakeService(S.OrderServiceService, {
      issueOrder: async (req) => ({ order: { ...order, subject: req.subject }, clock: orderClock }),
      getOrder: async (req) => {
        if (req.id === MISSING_ORDER) throw new NotFoundError('ORDER_NOT_FOUND', '未找到该督办事项');
        return { order, clock: orderClock };
      },
      listOrders: async () => ({ orders: [order], page: { nextPageToken: '', total: 1 } }),
      replyToOrder: async (req) => {
        if (req.version !== 1)
          throw new PreconditionError(
            'ORDER_NOT_AWAITING_REPLY',
            '督办事项当前为「已答复」，只有待办理或已退回的督办事项可以答复',
          );
        return {
          order: {
            ...order,
            state: S.OrderState.ORDER_STATE_REPLIED,
            replies: [{ text: req.text, by: 'clerk-a', at, date: '2026-12-03' }],
            version: 2,
          },
          clock: { ...orderClock, state: S.ClockState.CLOCK_STATE_STOPPED },
        };
      },
      closeOrder: async (req) => ({
        order: {
          ...order,
          state: S.OrderState.ORDER_STATE_CLOSED,
          closedBy: 'sup-li',
          closedAt: at,
          closingNote: req.note,
          version: req.version + 1,
        },
        clock: orderClock,
      }),
      returnOrder: async (req) => ({
        order: {
          ...order,
          state: S.OrderState.ORDER_STATE_RETURNED,
          returns: [{ reason: req.reason, by: 'sup-li', at }],
          version: req.version + 1,
        },
        clock: orderClock,
      }),
    }),
    fakeService(S.HistoricalImportServiceService, {
      importHistoricalCases: async (req) => {
        if (!req.content.trim())
          throw new ValidationError([
            { path: 'content', reason: 'REQUIRED', message: '请提供要导入的历史办件（JSON Lines）' },
          ]);
        return {
          imported: 1,
          alreadyImported: 0,
          rejected: [
            {
              line: req.firstLine + 2,
              field: 'receivedDate',
              message: `第${req.firstLine + 2}行：收件日期应为有效日期（YYYY-MM-DD）`,
            },
          ],
        };
      },
    }),
  ]);
  return routeFixture(
    'supervision',
    fake,
    fakeVerifier(TENANT, {
      supervisor: ['supervisor'],
      admin: ['center_admin'],
      clerk: ['window_clerk'],
      applicant: ['applicant'],
    }),
  );
}
