import type { RatingInvitation } from '../../domain/ratings/invitation';
import { watchedValues } from './watch-stream';

type Watch = (send: (invitation: RatingInvitation | null) => void) => () => void;

/**
 * A device's watch as an async iterable for the server stream: what `watch` sends, in order, until `signal` aborts
 * (the device went away, or the server shuts down). A refusal by `watch` is thrown before anything is yielded.
 */
export function invitationsOf(watch: Watch, signal: AbortSignal): AsyncGenerator<RatingInvitation | null> {
  return watchedValues<RatingInvitation | null>((send) => watch(send), signal);
}
