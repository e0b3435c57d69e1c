import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { InMemoryComplaintRepository, principal } from '../in-memory-complaints.test-double';
import { createComplaintUseCase, type CreateComplaintCommand } from './create-complaint.usecase';

const command: CreateComplaintCommand = { tenant: '620321', title: '示例标题' };

function setup(hostedTenants: string[] = []) {
  const complaints = new InMemoryComplaintRepository();
  let n = 0;
  const createComplaint = createComplaintUseCase({
    complaints,
    clock: { now: () => new Date('2026-11-26T00:00:00Z') },
    ids: { newId: () => `00000000-0000-4000-8000-00000000000${++n}` },
    hostedTenants,
  });
  return { complaints, createComplaint };
}

describe('create complaint', () => {
  it('creates version 1 with one event, recording who created it', async () => {
    const { complaints, createComplaint } = setup();
    const created = await createComplaint({ ...command, title: '  示例标题  ' }, principal());
    expect(created).toMatchObject({ tenant: '620321', title: '示例标题', version: 1, createdBy: 'yc-admin' });
    expect(complaints.events).toEqual([{ type: 'ComplaintCreated', complaint: created }]);
  });

  it('refuses a second one with the same title in the tenant', async () => {
    const { complaints, createComplaint } = setup();
    await createComplaint(command, principal());
    await expect(createComplaint(command, principal())).rejects.toBeInstanceOf(ConflictError);
    expect(complaints.saved.size).toBe(1);
  });

  it('refuses other roles and other tenants', async () => {
    const { complaints, createComplaint } = setup();
    await expect(createComplaint(command, principal({ roles: ['window_clerk'] }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createComplaint(command, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(complaints.saved.size).toBe(0);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { complaints, createComplaint } = setup(['620302']);
    await expect(createComplaint(command, principal())).rejects.toBeInstanceOf(PreconditionError);
    expect(complaints.saved.size).toBe(0);
  });

  it('names every invalid field', async () => {
    const { createComplaint } = setup();
    const err = await createComplaint({ tenant: '62', title: 'x' }, principal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['tenant', 'title']);
  });
});
