import { ValidationError } from '@govhall/errors';
import { APPLICANT } from '../handling.test-double';
import { at, inboxWithThree } from '../in-memory-notification-inbox.test-double';
import { listMyNotificationsUseCase } from '../list-my-notifications/list-my-notifications.usecase';
import { markNotificationsReadUseCase } from './mark-notifications-read.usecase';

describe('MarkNotificationsRead', () => {
  const clock = { now: () => at(10) };

  it('marks the ids given, only the caller’s own, and answers the unread left', async () => {
    const inbox = await inboxWithThree();
    const mark = markNotificationsReadUseCase({ inbox, clock });
    expect(await mark({ ids: ['b:site', 'other:site', 'missing:site'], all: false }, APPLICANT)).toEqual({
      marked: 1,
      unread: 2,
    });
    expect(inbox.items.get('b:site')!.readAt).toEqual(at(10));
    expect(inbox.items.get('other:site')!.readAt).toBeUndefined();
    expect(await mark({ ids: ['b:site'], all: false }, APPLICANT)).toEqual({ marked: 0, unread: 2 });
    const unreadOnly = await listMyNotificationsUseCase({ inbox })({ unreadOnly: true }, APPLICANT);
    expect(unreadOnly.notifications.map((n) => n.id)).toEqual(['c:site', 'a:site']);
  });

  it('marks all of the caller’s and none of another’s', async () => {
    const inbox = await inboxWithThree();
    expect(await markNotificationsReadUseCase({ inbox, clock })({ ids: [], all: true }, APPLICANT)).toEqual({
      marked: 3,
      unread: 0,
    });
    expect(await inbox.unreadCount('subject-lisi')).toBe(1);
  });

  it('refuses bad input at its field and changes nothing', async () => {
    const inbox = await inboxWithThree();
    const mark = markNotificationsReadUseCase({ inbox, clock });
    const paths = async (command: { ids: string[]; all: boolean }) => {
      const err = await mark(command, APPLICANT).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).violations.map((v) => v.path);
    };
    expect(await paths({ ids: [], all: false })).toEqual(['ids']);
    expect(await paths({ ids: ['a:site'], all: true })).toEqual(['ids']);
    expect(await paths({ ids: ['a:site', 'a b'], all: false })).toEqual(['ids[1]']);
    expect(await paths({ ids: Array.from({ length: 101 }, (_, i) => `n${i}:site`), all: false })).toEqual(['ids']);
    expect(await inbox.unreadCount(APPLICANT.subject)).toBe(3);
  });
});
