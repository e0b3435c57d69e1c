import { complaintViolations, type ComplaintEventFacts } from './complaint-violation-detectors';

/** A 投诉 about 王清 of 620321-SCJG, efficiency: the supervision office (tenant-wide) handles it. */
const facts = (overrides: Partial<ComplaintEventFacts> = {}): ComplaintEventFacts => ({
  event: 'acceptance_overdue',
  eventId: 'e-9',
  // 2026-12-09 01:30 in China: still 12-08 in UTC.
  occurredAt: new Date('2026-12-08T17:30:00Z'),
  tenant: '620321',
  complaintId: 'c-1',
  number: 'TS6203212026120700001',
  type: 'complaint',
  kind: 'efficiency',
  target: { kind: 'staff', id: 'yc-clerk', name: '王清', department: '620321-SCJG' },
  office: 'supervision',
  officeDepartment: '',
  receivedAt: new Date('2026-12-07T01:00:00Z'),
  receivedBy: '',
  acceptBy: '2026-12-08',
  replyBy: '',
  acceptedAt: undefined,
  acceptedBy: '',
  finding: undefined,
  repliedBy: '',
  repliedAt: undefined,
  ...overrides,
});

const evidenceOf = (v: { evidence: { label: string; value: string }[] } | undefined) =>
  Object.fromEntries(v!.evidence.map((e) => [e.label, e.value]));

/** Accepted by yc-sfj-handler on 12-08, due 12-15; legal affairs (620321-SFJ) handles it. */
const accepted: Partial<ComplaintEventFacts> = {
  kind: 'law_enforcement',
  office: 'legal_affairs',
  officeDepartment: '620321-SFJ',
  acceptedAt: new Date('2026-12-08T02:00:00Z'),
  acceptedBy: 'yc-sfj-handler',
  replyBy: '2026-12-15',
};

describe('complaint_late (投诉办理超时)', () => {
  it('an acceptance past its day is one violation of the handling office, nobody named before it was accepted', () => {
    const [v, ...more] = complaintViolations(facts());
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: 'c-1.complaint-acceptance-late',
      tenant: '620321',
      kind: 'complaint_late',
      department: '',
      person: '',
      occurredDate: '2026-12-09',
    });
    expect(v!.summary).toBe(
      '投诉TS6203212026120700001（行政效能和工作作风）的受理期限为2026-12-08，效能监察室逾期仍未受理',
    );
    expect(v!.evidence.map((e) => [e.label, e.value, e.eventId])).toEqual([
      ['投诉编号', 'TS6203212026120700001', 'e-9'],
      ['办理单位', '效能监察室', 'e-9'],
      ['收到日期', '2026-12-07', 'e-9'],
      ['受理期限', '2026-12-08', 'e-9'],
      ['超期时间', '2026-12-09', 'e-9'],
    ]);
    // Neither the person complained about nor their department: the office was late, not them.
    expect(JSON.stringify(v)).not.toMatch(/yc-clerk|王清|SCJG/);
  });

  it('an answer past its day is another violation, of the legal-affairs department, naming who accepted it', () => {
    const [v, ...more] = complaintViolations(facts({ ...accepted, event: 'reply_overdue', receivedBy: 'yc-desk' }));
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: 'c-1.complaint-reply-late',
      kind: 'complaint_late',
      department: '620321-SFJ',
      person: 'yc-sfj-handler',
    });
    expect(v!.summary).toBe(
      '投诉TS6203212026120700001（窗口行政执法）的答复期限为2026-12-15，法制办窗口（620321-SFJ）逾期仍未答复',
    );
    expect(evidenceOf(v)).toEqual({
      投诉编号: 'TS6203212026120700001',
      办理单位: '法制办窗口（620321-SFJ）',
      收到日期: '2026-12-07',
      受理日期: '2026-12-08',
      答复期限: '2026-12-15',
      超期时间: '2026-12-09',
      承办人: 'yc-sfj-handler',
      首问责任人: 'yc-desk',
    });
  });

  it('the two clocks of one complaint are two ids; each is the same id again on a replay', () => {
    const ids = [
      complaintViolations(facts())[0]!.id,
      complaintViolations(facts({ ...accepted, event: 'reply_overdue' }))[0]!.id,
    ];
    expect(new Set(ids).size).toBe(2);
    expect(complaintViolations(facts())[0]!.id).toBe(ids[0]);
  });

  it('records nothing without a complaint, a tenant or the clock’s day', () => {
    expect(complaintViolations(facts({ complaintId: '' }))).toEqual([]);
    expect(complaintViolations(facts({ tenant: '' }))).toEqual([]);
    expect(complaintViolations(facts({ acceptBy: '' }))).toEqual([]);
    expect(complaintViolations(facts({ event: 'reply_overdue' }))).toEqual([]);
  });
});

describe('complaint_justified (有效投诉)', () => {
  const replied = (finding: ComplaintEventFacts['finding'], target?: ComplaintEventFacts['target']) =>
    facts({
      ...accepted,
      event: 'replied',
      finding,
      repliedBy: 'yc-sfj-handler',
      // 2026-12-11 in China.
      repliedAt: new Date('2026-12-10T16:30:00Z'),
      occurredAt: new Date('2026-12-10T16:30:01Z'),
      ...(target ? { target } : {}),
    });

  it('an answer classed 合理 is one violation of the member of staff complained about, for accountability', () => {
    const [v, ...more] = complaintViolations(replied('justified'));
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: 'c-1.complaint-justified',
      kind: 'complaint_justified',
      person: 'yc-clerk',
      department: '620321-SCJG',
      occurredDate: '2026-12-11',
    });
    expect(v!.summary).toBe(
      '投诉TS6203212026120700001（窗口行政执法）经法制办窗口（620321-SFJ）认定为合理投诉，被投诉对象为工作人员王清（yc-clerk）',
    );
    expect(evidenceOf(v)).toEqual({
      投诉编号: 'TS6203212026120700001',
      被投诉对象: '工作人员王清（yc-clerk）',
      办理单位: '法制办窗口（620321-SFJ）',
      认定结果: '合理投诉',
      答复人: 'yc-sfj-handler',
      答复日期: '2026-12-11',
    });
  });

  it('names a window, a department, a case (its number and item) or nobody (a general matter)', () => {
    const against = (target: ComplaintEventFacts['target']) => complaintViolations(replied('justified', target))[0];
    expect(
      against({ kind: 'window', id: 'w-3', name: '3号窗口（市场监管综合窗口）', department: '620321-SCJG' }),
    ).toMatchObject({ windowId: 'w-3', department: '620321-SCJG', person: '', matterId: '' });
    expect(
      against({ kind: 'department', id: '620321-SCJG', name: '永昌县市场监督管理局', department: '620321-SCJG' }),
    ).toMatchObject({ department: '620321-SCJG', windowId: '', person: '' });
    const onCase = against({
      kind: 'case',
      id: 'case-7',
      name: '620321202611100007（食品经营许可）',
      department: '620321-SCJG',
    });
    expect(onCase).toMatchObject({
      matterId: 'case-7',
      caseNumber: '620321202611100007',
      itemName: '食品经营许可',
      department: '620321-SCJG',
    });
    expect(evidenceOf(onCase).被投诉对象).toBe('办件620321202611100007（食品经营许可）');
    const general = against({ kind: 'none', id: '', name: '', department: '' });
    expect(general).toMatchObject({ id: 'c-1.complaint-justified', tenant: '620321', department: '', person: '' });
    expect(evidenceOf(general).被投诉对象).toBe('未指定对象（大厅环境等一般事项）');
  });

  it('a 举报 is named as one', () => {
    expect(complaintViolations(facts({ ...replied('justified'), type: 'report' }))[0]!.summary).toMatch(
      /^举报TS6203212026120700001/,
    );
  });

  it('answers classed 无效 or 错误 record nothing', () => {
    expect(complaintViolations(replied('invalid'))).toEqual([]);
    expect(complaintViolations(replied('mistaken'))).toEqual([]);
    expect(complaintViolations(replied(undefined))).toEqual([]);
  });
});
