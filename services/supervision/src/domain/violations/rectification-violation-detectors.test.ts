import { rectificationLate, type RectificationOverdueFacts } from './rectification-violation-detectors';

const facts = (overrides: Partial<RectificationOverdueFacts> = {}): RectificationOverdueFacts => ({
  eventId: 'e-3',
  // 2026-12-05 01:30 in China: still 12-04 in UTC.
  occurredAt: new Date('2026-12-04T17:30:00Z'),
  tenant: '620321',
  rectificationId: 'rating-7',
  subject: 'case',
  caseId: 'case-7',
  caseNumber: '620321202611100007',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-3',
  level: 2,
  ratedAt: new Date('2026-11-12T02:00:00Z'),
  deadline: '2026-12-03',
  handler: 'yc-clerk',
  handlerName: '王清',
  appealed: false,
  ...overrides,
});

describe('rectification_late (差评整改超期)', () => {
  it('is one violation of the rated department and its handler, named by the rectification, with the evidence', () => {
    const [v, ...more] = rectificationLate(facts());
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: 'rating-7.rectification-late',
      tenant: '620321',
      kind: 'rectification_late',
      matterId: 'case-7',
      caseNumber: '620321202611100007',
      itemName: '食品经营许可',
      department: '620321-SCJG',
      windowId: 'w-3',
      person: 'yc-clerk',
      occurredDate: '2026-12-05',
    });
    expect(v!.summary).toBe('办件620321202611100007（食品经营许可）的差评（不满意）整改期限为2026-12-03，逾期仍未办结');
    expect(v!.evidence.map((e) => [e.label, e.value, e.eventId])).toEqual([
      ['整改编号', 'rating-7', 'e-3'],
      ['办件编号', '620321202611100007', 'e-3'],
      ['评价等级', '不满意', 'e-3'],
      ['评价日期', '2026-11-12', 'e-3'],
      ['整改期限', '2026-12-03', 'e-3'],
      ['整改状态', '整改中', 'e-3'],
      ['承办人', '王清（yc-clerk）', 'e-3'],
    ]);
    expect(rectificationLate(facts())[0]!.id).toBe(v!.id);
  });

  it('names a counter visit by its window, an appeal still waiting, and a head who named no handler', () => {
    const [v] = rectificationLate(
      facts({ subject: 'visit', caseId: '', caseNumber: '', itemName: '', handler: '', level: 1, appealed: true }),
    );
    expect(v).toMatchObject({ matterId: '', person: '', windowId: 'w-3', department: '620321-SCJG' });
    expect(v!.summary).toBe('窗口现场服务的差评（非常不满意）整改期限为2026-12-03，逾期仍未办结（申诉待监察室决定）');
    expect(Object.fromEntries(v!.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      评价对象: '窗口现场服务',
      整改状态: '申诉中',
      承办人: '未指定（由部门负责人办理）',
    });
  });

  it('records nothing without a rectification, a tenant or a deadline', () => {
    expect(rectificationLate(facts({ rectificationId: '' }))).toEqual([]);
    expect(rectificationLate(facts({ tenant: '' }))).toEqual([]);
    expect(rectificationLate(facts({ deadline: '' }))).toEqual([]);
  });
});
