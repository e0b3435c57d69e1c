import { restPath } from './grpc-call';

describe('restPath', () => {
  it.each([
    ['id', { id: 'params.id' }, 'params.id'],
    ['tenant', { tenant: 'params.code' }, 'params.code'],
    ['page.pageSize', { page: 'querystring' }, 'querystring.pageSize'],
    ['leave.fromDate', { leave: '' }, 'fromDate'],
    ['leave', { leave: '' }, 'leave'],
    ['materials[2].name', { materials: 'content.materials' }, 'content.materials[2].name'],
    ['materials[2].name', { materials: '' }, 'materials[2].name'],
  ])('names the service path %s as the HTTP caller knows it', (path, fields, expected) => {
    expect(restPath(path, fields)).toBe(expected);
  });

  it('leaves body paths and mere name prefixes as they are', () => {
    expect(restPath('content.materials.2.name', { id: 'params.id' })).toBe('content.materials.2.name');
    expect(restPath('identifier', { id: 'params.id' })).toBe('identifier');
  });
});
