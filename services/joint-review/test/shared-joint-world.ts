import { JointWorld } from './joint-world';

/**
 * The one JointWorld of joint-review.int.test.ts: that file starts and stops it, and the suites it imports
 * (*.suite.ts) use it. Starting a world costs about 25 s, against a few seconds for most of their tests.
 */
export const world = new JointWorld();
