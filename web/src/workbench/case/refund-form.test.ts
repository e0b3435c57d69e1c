import { ApiError } from '../../shared/problem';
import { atRefundFields, refundBody } from './refund-form';

describe('申请退款', () => {
  it('sends the amount typed in yuan as exact fen, with the reason trimmed', () => {
    expect(refundBody({ amountYuan: '15.10', reason: ' 多缴 ' }, 7, 'r-1')).toEqual({
      body: { expectedVersion: 7, requestId: 'r-1', amountFen: 1510, reason: '多缴' },
    });
  });

  it('refuses a missing or malformed amount and a missing reason at their fields', () => {
    expect(refundBody({ amountYuan: '', reason: '' }, 1, 'r').errors).toEqual([
      { name: ['amountYuan'], errors: ['请填写大于 0 的退款金额'] },
      { name: ['reason'], errors: ['请填写退款理由'] },
    ]);
    expect(refundBody({ amountYuan: '0', reason: 'x' }, 1, 'r').errors).toEqual([
      { name: ['amountYuan'], errors: ['请填写大于 0 的退款金额'] },
    ]);
    const bad = refundBody({ amountYuan: '1.234', reason: 'x' }, 1, 'r').errors!;
    expect(bad[0]!.name).toEqual(['amountYuan']);
    expect(bad[0]!.errors[0]).toContain('退款金额');
  });

  it("moves the service's amountFen message to the amount in yuan", () => {
    const e = atRefundFields(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '请按提示修改后重试',
        fields: { amountFen: '超过可退金额' },
      }),
    ) as ApiError;
    expect(e.problem.fields).toEqual({ amountYuan: '超过可退金额' });
  });
});
