import { ForbiddenError, ValidationError } from '@govhall/errors';
import { APPLICANT } from '../handling.test-double';
import { inboxWithThree } from '../in-memory-notification-inbox.test-double';
import { listMyNotificationsUseCase } from './list-my-notifications.usecase';

describe('ListMyNotifications', () => {
  it("lists the caller's own, newest first, paged, with the unread count of all", async () => {
    const list = listMyNotificationsUseCase({ inbox: await inboxWithThree() });
    const first = await list({ pageSize: 2 }, APPLICANT);
    expect(first.notifications.map((n) => n.id)).toEqual(['b:site', 'c:site']);
    expect(first).toMatchObject({ total: 3, unread: 3 });
    const second = await list({ pageSize: 2, pageToken: first.nextPageToken }, APPLICANT);
    expect(second.notifications.map((n) => n.id)).toEqual(['a:site']);
    expect(second.nextPageToken).toBe('');
  });

  it('refuses a page size out of range at its field, and a caller without a subject', async () => {
    const list = listMyNotificationsUseCase({ inbox: await inboxWithThree() });
    const err = await list({ pageSize: 500 }, APPLICANT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['page.pageSize']);
    await expect(list({}, { ...APPLICANT, subject: '' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
