import * as path from 'node:path';
import { currentTestFailed, describePageState, failurePath } from './browser-failure';

describe('the record of a failed browser test', () => {
  it('is filed under the state directory by the test’s name, Chinese kept, the rest made file-safe', () => {
    expect(failurePath('renames a department: 修改 F473 号窗口 / 保存', 'png', '/state')).toBe(
      path.join('/state', 'failures', 'renames-a-department-修改-F473-号窗口-保存.png'),
    );
    expect(failurePath('///', 'txt', '/state')).toBe(path.join('/state', 'failures', 'test.txt'));
    expect(path.basename(failurePath('x'.repeat(300), 'html', '/state'))).toBe(`${'x'.repeat(120)}.html`);
  });

  it('says what was on the page: each dialog with its name and whether it shows, and what still moved', () => {
    const text = describePageState({
      url: 'http://127.0.0.1:1/admin/org',
      viewport: '1366×768',
      focused: 'button',
      dialogs: [
        { name: '修改 F473 号窗口', visible: true, classes: 'ant-modal-wrap | ant-modal', html: '<div/>' },
        { name: '修改 F473 号窗口', visible: false, classes: 'ant-zoom-leave', html: '<div/>' },
      ],
      moving: ['visible: ant-btn-loading-icon ant-btn-loading-icon-motion-leave'],
    });
    expect(text.split('\n')).toEqual([
      'url: http://127.0.0.1:1/admin/org',
      'viewport: 1366×768',
      'focused: button',
      'dialogs: 2',
      '  [0] "修改 F473 号窗口" visible (ant-modal-wrap | ant-modal)',
      '  [1] "修改 F473 号窗口" hidden (ant-zoom-leave)',
      'moving: ',
      '  visible: ant-btn-loading-icon ant-btn-loading-icon-motion-leave',
    ]);
    expect(text).not.toContain('<div/>');
  });
});

describe('whether the running test failed', () => {
  const seen: boolean[] = [];
  afterEach(() => {
    seen.push(currentTestFailed());
  });

  it('is false while a test passes', () => {
    expect(currentTestFailed()).toBe(false);
  });

  it('was false in the afterEach of the passing test before (a failed test cannot stay in a passing suite: the true case shows in the browser tests, whose failures leave a record)', () => {
    expect(seen).toEqual([false]);
  });
});
