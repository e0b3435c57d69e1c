import { NotFoundError } from '@govhall/errors';
import { actors, hallSetup, tenancySetup, windowCommand } from '../in-memory-tenancy.test-double';

describe('list windows', () => {
  it("lists a tenant's windows ordered by number", async () => {
    const { uc } = hallSetup();
    await uc.createWindow({ ...windowCommand, number: 'A05' }, actors.ycAdmin);
    await uc.createWindow({ ...windowCommand, number: 'A01' }, actors.ycAdmin);
    expect((await uc.listWindows('620321')).map((w) => w.number)).toEqual(['A01', 'A05']);
    expect(await uc.listWindows('620302')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown tenant', async () => {
    const { uc } = tenancySetup();
    await expect(uc.listWindows('620321')).rejects.toBeInstanceOf(NotFoundError);
  });
});
