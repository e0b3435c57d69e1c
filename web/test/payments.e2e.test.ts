import { start, stop } from './payments-web-world';

// 收缴分离 in the browser against the real stack: the suites share one PaymentsWorld, its gateway and a browser
// (payments-web-world.ts), started once instead of once a suite; each suite has payments on a database of its own
// and a bank stand-in of its own (freshPayments() in its beforeAll).
import './payments-notice.suite';
import './payments-finance.suite';

beforeAll(start, 400_000);
afterAll(stop, 180_000);
