import { maskName, onTimeRate, windowTiles } from './screen-state';

describe('the hall screen', () => {
  it('masks every name but its first character', () => {
    expect(['张三', '欧阳娜娜', '李', '张*', '  '].map(maskName)).toEqual(['张*', '欧***', '李*', '张*', '—']);
  });

  it("gives today's on-time rate in whole percent, a dash before the first completed case", () => {
    expect(onTimeRate({ completed: 0, completedOnTime: 0 })).toBe('—');
    expect(onTimeRate({ completed: 3, completedOnTime: 2 })).toBe('67%');
    expect(onTimeRate({ completed: 4, completedOnTime: 4 })).toBe('100%');
  });

  it('shows every window with who serves it, its duty and load; a window only supervision knows comes last', () => {
    const tiles = windowTiles(
      [
        { id: 'w1', number: 'A01', name: '综合受理', duty: 'a_post', servedBy: '张三' },
        { id: 'w2', number: 'A02', name: '社保', duty: 'b_post', servedBy: '李四' },
        { id: 'w3', number: 'A03', name: '公积金', duty: 'covered' },
        { id: 'w4', number: 'A04', name: '不动产', duty: 'unstaffed' },
      ],
      [
        { windowId: 'w2', open: 3, worstSignal: 'red' },
        { windowId: 'gone', open: 1, worstSignal: 'yellow' },
      ],
    );
    expect(tiles.map((t) => [t.title, t.servedBy, t.dutyText, t.serving, t.open, t.worstSignal])).toEqual([
      ['A01 综合受理', '张三', '服务中', true, 0, 'none'],
      ['A02 社保', '李四', '服务中（B岗）', true, 3, 'red'],
      ['A03 公积金', undefined, '暂停服务', false, 0, 'none'],
      ['A04 不动产', undefined, '暂停服务', false, 0, 'none'],
      ['窗口1', undefined, '—', false, 1, 'yellow'],
    ]);
  });
});
