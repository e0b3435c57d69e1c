import { ConcurrencyError, ForbiddenError, PreconditionError } from '@govhall/errors';
import { recordInspectionUseCase } from '../inspections/record-inspection/record-inspection.usecase';
import {
  defaultChecklists,
  MemoryInspectionStore,
  MemoryPhotoStore,
} from '../inspections/memory-inspection-stores.test-double';
import { dismissViolationUseCase } from '../violations/dismiss-violation/dismiss-violation.usecase';
import { MemoryViolationStore } from '../violations/memory-violation-store.test-double';
import { clock, who } from '../violations/violation-test-fixtures.test-double';
import { decideAccountabilityUseCase } from './decide-accountability/decide-accountability.usecase';
import { listAccountabilitiesUseCase } from './list-accountabilities/list-accountabilities.usecase';
import { MemoryAccountabilityStore } from './memory-accountability-store.test-double';
import { proposeAccountabilityUseCase } from './propose-accountability/propose-accountability.usecase';
import { syncAccountabilityViolationsUseCase } from './sync-accountability-violations/sync-accountability-violations.usecase';

async function world() {
  const violations = new MemoryViolationStore();
  const accountabilities = new MemoryAccountabilityStore();
  const deps = { violations, accountabilities, clock: clock() };
  const sync = syncAccountabilityViolationsUseCase(deps);
  const inspect = recordInspectionUseCase({
    ...deps,
    inspections: new MemoryInspectionStore(),
    photos: new MemoryPhotoStore(),
    checklists: defaultChecklists,
  });
  const found = await inspect(
    {
      tenant: '',
      windowId: 'w-1',
      date: '2026-03-12',
      checklist: [
        { code: 'badge', passed: false, note: '未佩戴工作牌' },
        { code: 'on_post', passed: false, note: '离岗' },
      ],
      photoFileIds: [],
      person: 'clerk1',
      requestId: 'inspection-1',
    },
    who(['supervisor']),
  );
  return {
    violations,
    accountabilities,
    sync,
    ids: found.violations.map((v) => v.id),
    propose: proposeAccountabilityUseCase({ ...deps, sync }),
    decide: decideAccountabilityUseCase({ ...deps, sync }),
    list: listAccountabilitiesUseCase(deps),
    dismiss: dismissViolationUseCase(deps),
  };
}

const proposal = (ids: string[], over: object = {}) => ({
  tenant: '',
  violationIds: ids,
  targetKind: 'person' as const,
  targetId: 'clerk1',
  proposedSanctions: ['criticism_and_education' as const, 'yellow_card_warning' as const],
  proposal: '建议批评教育并给予黄牌警告',
  requestId: 'propose-0001',
  ...over,
});

describe('accountability', () => {
  it('proposal → violations PROPOSED; decision → DECIDED with sanctions, announced once; idempotent proposal', async () => {
    const w = await world();
    const a = await w.propose(proposal(w.ids), who(['supervisor']));
    expect(a).toMatchObject({ state: 'proposed', targetKind: 'person', targetId: 'clerk1', year: 2026, version: 1 });
    expect(await w.propose(proposal(w.ids), who(['supervisor']))).toEqual(a);
    expect(w.accountabilities.stored.size).toBe(1);
    for (const id of w.ids)
      expect(w.violations.stored.get(id)).toMatchObject({ state: 'proposed', accountabilityId: a.id });
    expect(w.accountabilities.pending.size).toBe(0);
    await expect(w.dismiss({ id: w.ids[0]!, reason: 'x', version: 2 }, who(['supervisor']))).rejects.toBeInstanceOf(
      PreconditionError,
    );

    const decided = await w.decide(
      { id: a.id, sanctions: ['yellow_card_warning'], decision: '给予黄牌警告', dismiss: false, version: 1 },
      who(['center_admin'], '620321', 'admin1'),
    );
    expect(decided).toMatchObject({
      state: 'decided',
      sanctions: ['yellow_card_warning'],
      decidedBy: 'admin1',
      version: 2,
    });
    expect(w.accountabilities.announced).toEqual([`${a.id}@2`]);
    for (const id of w.ids) expect(w.violations.stored.get(id)!.state).toBe('decided');
    await expect(
      w.decide({ id: a.id, sanctions: [], decision: '不予追究', dismiss: true, version: 2 }, who(['supervisor'])),
    ).rejects.toBeInstanceOf(PreconditionError);
    expect(
      (await w.list({ tenant: '620300', includeSubordinates: true, year: 2026 }, who(['supervisor'], '620300')))
        .accountabilities,
    ).toHaveLength(1);
  });

  it('refuses a proposal over violations of another person, a bad form, or a used violation; changes nothing', async () => {
    const w = await world();
    await expect(w.propose(proposal(w.ids, { targetId: 'clerk2' }), who(['supervisor']))).rejects.toMatchObject({
      violations: [
        { path: 'violationIds.0', reason: 'OTHER_TARGET' },
        { path: 'violationIds.1', reason: 'OTHER_TARGET' },
      ],
    });
    await expect(
      w.propose(
        proposal([], { proposedSanctions: [undefined], proposal: ' ', targetKind: undefined }),
        who(['supervisor']),
      ),
    ).rejects.toMatchObject({
      violations: [
        { path: 'violationIds', reason: 'REQUIRED' },
        { path: 'targetKind', reason: 'REQUIRED' },
        { path: 'proposedSanctions.0', reason: 'ENUM' },
        { path: 'proposal', reason: 'REQUIRED' },
      ],
    });
    // A sibling's supervisor proposes in its own tenant: the county's violations are not found there.
    await expect(w.propose(proposal(w.ids), who(['supervisor'], '620302'))).rejects.toMatchObject({
      violations: [
        { path: 'violationIds.0', reason: 'NOT_FOUND' },
        { path: 'violationIds.1', reason: 'NOT_FOUND' },
      ],
    });
    expect(w.accountabilities.stored.size).toBe(0);
    await w.dismiss({ id: w.ids[0]!, reason: '证据不足', version: 1 }, who(['supervisor']));
    await expect(w.propose(proposal(w.ids), who(['supervisor']))).rejects.toBeInstanceOf(PreconditionError);
    expect(w.violations.stored.get(w.ids[1]!)!.state).toBe('open');
  });

  it('refuses a competing proposal while one naming the same violation waits for its decision, even unsynced', async () => {
    const w = await world();
    // The first proposal is stored but its violations are not moved yet (a concurrent request, or a crash between).
    const first = await w.propose(proposal([w.ids[0]!]), who(['supervisor']));
    for (const id of w.ids) {
      const v = w.violations.stored.get(id)!;
      w.violations.stored.set(id, { ...v, state: 'open', accountabilityId: '' });
    }
    const err = await w
      .propose(proposal(w.ids, { requestId: 'propose-0002' }), who(['supervisor', 'center_admin'], '620321', 'sup2'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreconditionError);
    expect(err).toMatchObject({
      code: 'VIOLATION_ALREADY_PROPOSED',
      message: `违规记录${w.ids[0]}已有待决定的处理意见，请先对该处理意见作出决定`,
      metadata: { violationId: w.ids[0], accountabilityId: first.id },
    });
    expect(w.accountabilities.stored.size).toBe(1);
    // Once decided, the other violation may be proposed.
    await w.decide(
      { id: first.id, sanctions: [], decision: '不予追究', dismiss: true, version: 1 },
      who(['supervisor']),
    );
    const second = await w.propose(proposal([w.ids[1]!], { requestId: 'propose-0003' }), who(['supervisor']));
    expect(second.state).toBe('proposed');
  });

  it('decides only with a current version, by the own tenant; dismissal needs no sanction; a crash is healed by the sync', async () => {
    const w = await world();
    const a = await w.propose(proposal(w.ids), who(['supervisor']));
    await expect(
      w.decide(
        { id: a.id, sanctions: ['admonitory_talk'], decision: '诫勉', dismiss: false, version: 1 },
        who(['supervisor'], '620300'),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      w.decide(
        { id: a.id, sanctions: ['admonitory_talk'], decision: '不予追究', dismiss: true, version: 1 },
        who(['supervisor']),
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'sanctions', reason: 'NOT_ALLOWED' }] });
    await expect(
      w.decide({ id: a.id, sanctions: [], decision: '不予追究', dismiss: true, version: 3 }, who(['supervisor'])),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(w.accountabilities.stored.get(a.id)).toMatchObject({ state: 'proposed', version: 1 });

    // The process dies between the decision's write and the violations' update: the start-up sync finishes it.
    const decided = await w.accountabilities.saveDecision(
      { ...a, state: 'dismissed', decision: '情节轻微，不予追究', decidedBy: 'sup1' },
      1,
    );
    expect(w.violations.stored.get(w.ids[0]!)!.state).toBe('proposed');
    expect(await w.sync.syncPending()).toBe(1);
    expect(decided.state).toBe('dismissed');
    for (const id of w.ids) expect(w.violations.stored.get(id)!.state).toBe('decided');
  });
});
