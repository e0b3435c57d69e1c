import { problemText } from './live';

describe('the live feed client', () => {
  it("shows the gateway's problem, or a plain message when the connection failed", () => {
    expect(problemText(JSON.stringify({ status: 403, detail: '不能查看同级租户的实时情况' }))).toBe(
      '不能查看同级租户的实时情况',
    );
    expect(problemText(undefined)).toBe('实时推送连接中断，正在重新连接');
    expect(problemText('not json')).toBe('实时推送连接中断，正在重新连接');
  });
});
