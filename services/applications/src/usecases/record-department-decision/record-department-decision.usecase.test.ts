import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { HandlingWorld, JOINT_SERVICE, acceptedCase, rejection, staff } from '../handling.test-double';
import {
  recordDepartmentDecisionUseCase,
  type RecordDepartmentDecisionCommand,
} from './record-department-decision.usecase';

const command = (id: string, over: Partial<RecordDepartmentDecisionCommand> = {}): RecordDepartmentDecisionCommand => ({
  id,
  taskId: 'task-0001',
  outcome: 'approved',
  reasons: [],
  remedies: [],
  decidedBy: 'service:rsj-system',
  handlerName: '王审批',
  ...over,
});

describe('RecordDepartmentDecision', () => {
  it("finishes the review steps as the department system's and approves → APPROVED, 制证 next", async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase()); // 审查 active, 决定 pending
    const stored = await recordDepartmentDecisionUseCase(world.deps())(command(c.id), JOINT_SERVICE);
    expect(stored.status).toBe('approved');
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'active', 'pending']);
    expect(stored.steps[1]).toMatchObject({
      handledBy: 'service:rsj-system',
      opinion: expect.stringContaining('经办人：王审批'),
    });
    expect(stored.decision).toMatchObject({ outcome: 'approved', decidedBy: 'service:rsj-system' });
    expect(stored.documents.map((d) => d.kind)).toEqual(['decision']);
    expect(world.events[0]).toMatchObject({ transition: 'decided', reason: expect.stringContaining('task-0001') });
    expect(stored.history.at(-1)).toMatchObject({
      actor: 'service:rsj-system',
      actorRole: 'department_system',
      toStatus: 'approved',
    });
  });

  it('a denial needs reasons; with them → COMPLETED with the default remedies', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const record = recordDepartmentDecisionUseCase(world.deps());
    const refused = await rejection(record(command(c.id, { outcome: 'denied' }), JOINT_SERVICE));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(world.get(c.id)).toEqual(c);
    const stored = await record(command(c.id, { outcome: 'denied', reasons: ['不符合发放条件'] }), JOINT_SERVICE);
    expect(stored.status).toBe('completed');
    expect(stored.decision!.remedies).toHaveLength(2);
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'skipped', 'skipped']);
  });

  it('names each bad field and changes nothing', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const refused = await rejection(
      recordDepartmentDecisionUseCase(world.deps())(
        command(c.id, { taskId: '', decidedBy: 'a b', handlerName: '', outcome: '' }),
        JOINT_SERVICE,
      ),
    );
    expect(refused.violations.map((v: { path: string }) => v.path).sort()).toEqual(
      ['decidedBy', 'handlerName', 'outcome', 'taskId'].sort(),
    );
    expect(world.get(c.id)).toEqual(c);
  });

  it("is the center's service account only; a department system, staff and another tenant see no case", async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const record = recordDepartmentDecisionUseCase(world.deps());
    const departmentSystem: Principal = { ...JOINT_SERVICE, department: c.department };
    for (const actor of [departmentSystem, staff('approver'), { ...JOINT_SERVICE, tenant: '620302' }]) {
      expect(await rejection(record(command(c.id), actor))).toMatchObject({ code: 'CASE_NOT_FOUND' });
    }
    expect(world.get(c.id)).toEqual(c);
  });

  it('a case no longer PROCESSING is WRONG_STATE', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase({ status: 'suspended' }));
    expect(await rejection(recordDepartmentDecisionUseCase(world.deps())(command(c.id), JOINT_SERVICE))).toMatchObject({
      code: 'WRONG_STATE',
    });
  });
});
