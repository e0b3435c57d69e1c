import { world } from './shared-joint-world';

// Joint review against the real stack: the suites that can share one JointWorld (shared-joint-world.ts) run here,
// against one start of it (about 25 s each on a test machine, once instead of four times). Each suite makes its own
// cases, meetings and projects, and none changes the tenant's settings, windows or items the others' cases follow.
// They run in this order:
//
// - department-system first: its system of B pulls (and its sample client answers) every open task of B, which it
//   expects to be its own case's alone;
// - meetings, projects;
// - parallel-review last: one of its tests stops and restarts the cases service.
//
// Not here, each with a world of its own: settings.int.test.ts (it sets the tenant's lead rule and the joint item's
// flow, which every later case would follow), delegation.int.test.ts (its comprehensive window serves SCJG too: a
// later case of SCJG could be routed to it) and the two escalation files (EscalationWorld: joint-review started with a
// parent center, in the same deployment or in a second one the test stops and starts).
import './department-system.suite';
import './meetings.suite';
import './projects.suite';
import './parallel-review.suite';

beforeAll(() => world.start(), 300_000);
afterAll(() => world.stop(), 120_000);
