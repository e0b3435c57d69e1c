import { ALL_STATES, planTenant, type SeedableItem } from './demo-cases.plan';
import { DEMO_CAST, DEMO_FORMS, LI_SI, WANG_WU, ZHANG_SAN } from './demo-forms';

const item = (
  basicCode: string,
  handlingCategory: SeedableItem['handlingCategory'],
  department: string,
  over: Partial<SeedableItem> = {},
): SeedableItem => ({
  itemId: `00000000-0000-4000-8000-${basicCode}`,
  basicCode,
  name: `事项${basicCode}`,
  handlingCategory,
  department,
  served: true,
  staffed: department.endsWith('-SCJG'),
  visits: 1,
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  ...over,
});

/** 永昌县 as the seeds leave it: market regulation items at its windows, escalated items in unseated departments. */
const YONGCHANG: SeedableItem[] = [
  item('000117012000', 'promised', '620321-SCJG'),
  item('000117001000', 'immediate', '620321-SCJG', { visits: 0 }),
  item('000117030000', 'promised', '620321-SCJG'),
  item('000117901000', 'joint', '620321-SCJG', { visits: 0 }),
  item('000112005000', 'escalated', '620321-JTYS', { served: false, staffed: false }),
  item('000108020000', 'immediate', '620321-RSJ', { staffed: false }),
];

describe('the demo cases plan', () => {
  it('leaves a case in every state when a tenant has promised, immediate, joint and escalated items to work', () => {
    const escalated = item('000117099000', 'escalated', '620321-SCJG');
    const forms = { ...DEMO_FORMS, '000117099000': DEMO_FORMS['000117012000']! };
    const plan = planTenant('620321', [...YONGCHANG, escalated], forms);
    expect(new Set(plan.cases.map((c) => c.target))).toEqual(new Set(ALL_STATES));
    expect(plan.missing).toEqual([]);
    expect(plan.cases.find((c) => c.target === 'escalated')?.basicCode).toBe('000117099000');
  });

  it('plans 永昌县: every state but escalated, whose items sit in departments without a window', () => {
    const plan = planTenant('620321', YONGCHANG);
    const targets = plan.cases.map((c) => [c.key, c.target]);
    expect(targets).toEqual(
      expect.arrayContaining([
        ['demo-620321-draft', 'draft'],
        ['demo-620321-returned', 'returned'],
        ['demo-620321-pre-review', 'pre_review'],
        ['demo-620321-supplement', 'supplement'],
        ['demo-620321-pre-review-passed', 'pre_review_passed'],
        ['demo-620321-awaiting-paper', 'awaiting_paper'],
        ['demo-620321-processing', 'processing'],
        ['demo-620321-suspended', 'suspended'],
        ['demo-620321-joint-review', 'joint_review'],
        ['demo-620321-approved', 'approved'],
        ['demo-620321-completed-approved', 'completed'],
        ['demo-620321-completed-denied', 'completed'],
        ['demo-620321-delivered-pickup', 'delivered'],
        ['demo-620321-delivered-post', 'delivered'],
        ['demo-620321-delivered-electronic', 'delivered'],
        ['demo-620321-archived', 'archived'],
        ['demo-620321-not-accepted', 'not_accepted'],
        ['demo-620321-voided-duplicate', 'voided'],
        ['demo-620321-draft-voided', 'voided'],
        ['demo-620321-withdrawn', 'withdrawn'],
        ['demo-620321-on-the-spot', 'completed'],
      ]),
    );
    expect(plan.missing).toEqual([
      { state: 'escalated', reason: expect.stringContaining('事项000112005000') as string },
    ]);
    // Keys are unique: each is a case's idempotency key.
    expect(new Set(plan.cases.map((c) => c.key)).size).toBe(plan.cases.length);
    // The immediate item is decided on the spot at the counter; the promised one is filed by the company's agent.
    expect(plan.cases.find((c) => c.target === 'completed' && c.channel === 'counter')).toMatchObject({
      basicCode: '000117001000',
      filer: ZHANG_SAN,
      forCompany: false,
      outcome: 'approved',
    });
    expect(plan.cases.find((c) => c.key === 'demo-620321-processing')).toMatchObject({
      basicCode: '000117012000',
      filer: LI_SI,
      forCompany: true,
    });
    expect(plan.cases.filter((c) => c.target === 'delivered').map((c) => c.delivery)).toEqual([
      'window_pickup',
      'post',
      'electronic',
    ]);
    expect(plan.cases.find((c) => c.key === 'demo-620321-completed-denied')?.outcome).toBe('denied');
  });

  it('plans 金川区: the applicant side only, its published items lying outside the window department', () => {
    const plan = planTenant('620302', [
      item('000108031000', 'immediate', '620302-RSJ', { staffed: false }),
      item('000121010000', 'promised', '620302-WJW', { served: false, staffed: false }),
    ]);
    expect(plan.cases.map((c) => [c.target, c.filer.name])).toEqual([
      ['draft', WANG_WU.name],
      ['voided', WANG_WU.name],
      ['returned', WANG_WU.name],
      ['pre_review', WANG_WU.name],
      ['withdrawn', WANG_WU.name],
    ]);
    expect(plan.missing.map((m) => m.state)).toEqual(
      ALL_STATES.filter((s) => !['draft', 'voided', 'returned', 'pre_review', 'withdrawn'].includes(s)),
    );
    expect(plan.missing.find((m) => m.state === 'processing')?.reason).toContain('不属于窗口所在部门');
  });

  it('offers only the delivery ways the item publishes and waits for paper only when the item needs a visit', () => {
    const plan = planTenant('620300', [
      item('000117011000', 'promised', '620300-SCJG', { visits: 0, deliveryOptions: ['electronic'] }),
    ]);
    const targets = plan.cases.map((c) => c.target);
    expect(targets).not.toContain('awaiting_paper');
    expect(plan.cases.filter((c) => c.target === 'delivered').map((c) => c.delivery)).toEqual(['electronic']);
    expect(plan.missing.map((m) => m.state)).toEqual(['awaiting_paper', 'joint_review', 'escalated']);
  });

  it('plans nothing for a tenant without published items', () => {
    expect(planTenant('620300', [])).toMatchObject({ cases: [], missing: ALL_STATES.map((state) => ({ state })) });
  });
});

describe('the demo forms', () => {
  // Validity against the items' JSON Schemas and rules is the service's to check (SubmitCase), on the seed's run.
  it.each(Object.entries(DEMO_FORMS))('%s: valid and faulty variants differ, and name their materials', (_, form) => {
    const person = form.applicant === 'person' ? ZHANG_SAN : LI_SI;
    expect(form.valid(person, DEMO_CAST)).not.toEqual(form.faulty(person, DEMO_CAST));
    expect(form.materials.length).toBeGreaterThan(0);
    expect(form.materials).toContain(form.notice.materialId);
    if (form.missingWhenFaulty) expect(form.materials).toContain(form.missingWhenFaulty);
  });
});
