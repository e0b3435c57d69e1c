import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { paymentsV1 } from '@govhall/proto';
import type { Page } from '@govhall/testing';
import { feeItem, PaymentsWorld, SWJ } from '../../services/payments/test/payments-world';
import { browserAt, type BrowserAt } from './web-world';

/*
 * The one PaymentsWorld of payments.e2e.test.ts (identity, catalogue, the cases service, payments, each its own
 * process), the gateway serving the built apps in front of it, and one browser: that file starts and stops them, and
 * the suites it imports (payments-*.suite.ts) use them. Each suite begins with freshPayments(): payments on a
 * database of its own and a bank stand-in of its own, so that its notices, refunds, collection report and bank
 * statement are its own alone, while the other processes (about 30 s to start) are started once.
 */

export const world = new PaymentsWorld();
/** The browser at the world's gateway (set by start()); the pages it opens are closed by closePages(). */
export let web: BrowserAt;
let gatewayUrl = '';
const bankDirs: string[] = [];
const pages: Page[] = [];

export async function start(): Promise<void> {
  await world.start();
  gatewayUrl = await world.startGateway();
  const at = await browserAt(new URL(gatewayUrl).origin);
  web = {
    ...at,
    async open(options) {
      const watched = await at.open(options);
      pages.push(watched.page);
      return watched;
    },
  };
}

/** Closes the pages opened so far (a suite's, at its end): the apps in them poll no more while the next suite runs. */
export async function closePages(): Promise<void> {
  await Promise.all(pages.splice(0).map((page) => page.close()));
}

/**
 * Payments again on a new database, with a new bank stand-in (its own state directory) in front of it, and the
 * register's three fee lines of the world's item put again: 登记费 and 工本费 of 市场监管局, 契税 of 税务局 (its
 * formula on the case's 成交价格). Answers the stand-in's URL.
 */
export async function freshPayments(): Promise<string> {
  const bankDir = mkdtempSync(path.join(tmpdir(), 'govhall-bank-stand-in-'));
  bankDirs.push(bankDir);
  const bankUrl = await world.renewPayments(gatewayUrl, bankDir);
  const code = (suffix: string) => `P${world.cases.suffix}-${suffix}`.toUpperCase();
  const admin = await world.cases.adminToken();
  for (const item of [
    feeItem({ code: code('DJF'), name: '登记费', standardFen: 8000 }),
    feeItem({ code: code('GBF'), name: '工本费', standardFen: 1000, unit: '本' }),
    feeItem({
      code: code('QS'),
      name: '契税',
      category: paymentsV1.FeeCategory.FEE_CATEGORY_TAX,
      department: SWJ,
      collectingUnitCode: '620321090',
      revenueCode: '10119',
      formula: 'price * 0.015',
    }),
  ]) {
    await world.call('putFeeItem', { item, expectedVersion: 0 }, admin);
  }
  return bankUrl;
}

export async function stop(): Promise<void> {
  await web?.close();
  await world.stop();
  for (const dir of bankDirs) rmSync(dir, { recursive: true, force: true });
}
