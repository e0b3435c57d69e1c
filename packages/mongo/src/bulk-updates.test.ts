import { bulkUpdate, UPDATE_STATEMENTS_PER_COMMAND } from './bulk-updates';

describe('bulkUpdate', () => {
  it('sends every operation once, in commands of at most ten statements, at most four commands at a time', async () => {
    const commands: number[][] = [];
    let running = 0;
    let most = 0;
    const collection = {
      bulkWrite: async (ops: { updateOne: { filter: { _id: number } } }[]) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        commands.push(ops.map((o) => o.updateOne.filter._id));
        running -= 1;
      },
    };
    const ops = Array.from({ length: 95 }, (_, i) => ({ updateOne: { filter: { _id: i }, update: { $set: { i } } } }));
    await bulkUpdate(collection as never, ops as never);
    expect(commands.flat().sort((a, b) => a - b)).toEqual(ops.map((_, i) => i));
    expect(Math.max(...commands.map((c) => c.length))).toBe(UPDATE_STATEMENTS_PER_COMMAND);
    expect(commands).toHaveLength(10);
    expect(most).toBe(4);
  });

  it('sends nothing for no operations', async () => {
    const collection = { bulkWrite: jest.fn() };
    await bulkUpdate(collection as never, []);
    expect(collection.bulkWrite).not.toHaveBeenCalled();
  });
});
