import { mongoStatementShape } from './mongo-statement';

describe('mongoStatementShape', () => {
  it('keeps the command, its collection and the keys of the filter; no value of any document', () => {
    const statement = mongoStatementShape({
      update: 'cases',
      updates: [{ q: { _id: 'c-1', version: 3 }, u: { $set: { idNumber: '62032119900307123X' } } }],
      ordered: true,
      lsid: { id: 'x' },
      $db: 'govhall_applications',
    });
    expect(JSON.parse(statement)).toEqual({ update: 'cases', updates: '[1]', ordered: '?' });
    expect(statement).not.toContain('62032119900307123X');
  });

  it('names the filter and sort keys of a find, and not their values', () => {
    const statement = mongoStatementShape({
      find: 'cases',
      filter: { ownerSubject: 'sub-1', myList: 'in_progress' },
      sort: { updatedAt: -1 },
      limit: 20,
    });
    expect(JSON.parse(statement)).toEqual({
      find: 'cases',
      filter: { ownerSubject: '?', myList: '?' },
      sort: { updatedAt: '?' },
      limit: '?',
    });
  });

  it('does not walk an inserted document or its binary', () => {
    const pdf = Buffer.alloc(60_000, 1);
    const statement = mongoStatementShape({ insert: 'case_documents', documents: [{ _id: 'd', bytes: pdf }] });
    expect(statement).toBe('{"insert":"case_documents","documents":"[1]"}');
  });
});
