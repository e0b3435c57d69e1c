import { fetchCommittedOffsets } from './group-offsets';

/** A kafkajs-like protocol error: what the broker answers while its group coordinator is not ready. */
const refusal = (retriable: boolean) =>
  Object.assign(new Error('This is not the correct coordinator for this group'), { retriable });

describe('fetchCommittedOffsets', () => {
  const answer = [{ topic: 't', partitions: [{ partition: 0, offset: '5', metadata: null }] }];

  it('asks again while the coordinator is not ready, then answers', async () => {
    const replies: (Error | typeof answer)[] = [refusal(true), refusal(true), answer];
    const admin = {
      fetchOffsets: async () => {
        const next = replies.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
    };
    await expect(fetchCommittedOffsets(admin as never, 'g', ['t'], { delayMs: 1 })).resolves.toEqual(answer);
    expect(replies).toHaveLength(0);
  });

  it('gives up after the last attempt, and at once on a refusal that is not retriable', async () => {
    let asked = 0;
    const failing = (retriable: boolean) => ({
      fetchOffsets: async () => {
        asked += 1;
        throw refusal(retriable);
      },
    });
    await expect(
      fetchCommittedOffsets(failing(true) as never, 'g', ['t'], { attempts: 3, delayMs: 1 }),
    ).rejects.toThrow('coordinator');
    expect(asked).toBe(3);
    asked = 0;
    await expect(fetchCommittedOffsets(failing(false) as never, 'g', ['t'], { delayMs: 1 })).rejects.toThrow();
    expect(asked).toBe(1);
  });
});
