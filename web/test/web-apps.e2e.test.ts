import { startWebWorld, type WebWorld } from './web-world';
import { overviewTests } from './workbench-overview.suite';
import { leaderDashboardTests } from './leader-dashboard.suite';
import { walkInTests } from './workbench-walk-in.suite';
import { enterpriseTests } from './portal-enterprise.suite';
import { notificationTests } from './portal-notifications.suite';

// Browser suites that need the cases world with supervision and nothing else share one world: starting one takes
// 20–30 s of a 2-core machine, and each suite makes its own applicants and data. Each suite's hooks are scoped to its
// own describe block. The order matters once: 概览 counts the exact cases of the world's department and window, so it
// goes first, before the other suites put cases there; the dashboard reads August 2026, a month only it uses.

let w: WebWorld;

beforeAll(async () => {
  w = await startWebWorld();
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

describe('the workbench’s 概览', () => overviewTests(() => w));
describe('the leader’s dashboard', () => leaderDashboardTests(() => w));
describe('the counter (walk-in) and refusals', () => walkInTests(() => w));
describe('an enterprise in the portal', () => enterpriseTests(() => w));
describe('消息 in the portal', () => notificationTests(() => w));
