import { failpoint } from './failpoint';

describe('failpoint', () => {
  it('does nothing unless its name is armed', () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    failpoint('a.b', {});
    failpoint('a.b', { GOVHALL_FAILPOINTS: 'a.c, x.y' });
    expect(kill).not.toHaveBeenCalled();
    failpoint('a.b', { GOVHALL_FAILPOINTS: 'x.y, a.b' });
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGKILL');
    kill.mockRestore();
    write.mockRestore();
  });
});
