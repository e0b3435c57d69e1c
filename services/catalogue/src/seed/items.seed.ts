import { AGRICULTURE_WATER_ITEMS } from './items/agriculture-water';
import type { SeedItem } from './items/build';
import { CITY_MARKET_REGULATION_ITEMS } from './items/city-market-regulation';
import { CIVIL_AFFAIRS_ITEMS } from './items/civil-affairs';
import { ECOLOGY_ITEMS } from './items/ecology';
import { HEALTH_ITEMS } from './items/health';
import { HOUSING_CONSTRUCTION_ITEMS } from './items/housing-construction';
import { EMPLOYMENT_ITEMS } from './items/employment';
import { MARKET_REGULATION_ITEMS } from './items/market-regulation';
import { ONE_THING_ITEMS } from './items/one-thing';
import { PENSION_ITEMS } from './items/pensions';
import { PLANNING_PERMIT_ITEMS } from './items/planning-permits';
import { PROPERTY_TRANSFER_ITEMS } from './items/property-transfer';
import { PUBLIC_SERVICE_ITEMS } from './items/public-services';
import { SAFETY_CULTURE_ITEMS } from './items/safety-culture';
import { TRANSPORT_ITEMS } from './items/transport';

/**
 * The seed catalogue (实施清单) of the demo and test deployments: real items of 永昌县 (620321), 金昌市 (620300) and
 * 金川区 (620302) with their real legal bases, statutory limits and fees. Data only; the seed runner creates and
 * publishes them.
 *
 * What is real and what is not:
 * - Legal bases cite the law and article; texts give the article's wording as written down from the published
 *   text (long articles abridged with ……) and should be proof-read against the official text before going live.
 *   Where an article number was not verified when this was written, the chapter is cited and a comment says so.
 * - Statutory limits are the law's own; "N日" in a law other than 行政许可法 is recorded as N natural days, and
 *   where a law sets no limit the 行政许可法 §42 default of 20 working days is used (a comment says so).
 * - Fees appear only where a legal document sets them; everything else is free (行政许可法 §58).
 * - Basic codes follow the national shape (12 digits) but are plausible stand-ins, unique per item: replace
 *   them with the codes of 甘肃省政务服务事项基本目录 before production.
 * - Implementing bodies' credit codes, people and phone numbers are generated or fictional (items/bodies.ts).
 */
export type { SeedItem } from './items/build';

export const SEED_ITEMS: SeedItem[] = [
  ...MARKET_REGULATION_ITEMS,
  ...ONE_THING_ITEMS,
  ...PENSION_ITEMS,
  ...EMPLOYMENT_ITEMS,
  ...PLANNING_PERMIT_ITEMS,
  ...PROPERTY_TRANSFER_ITEMS,
  ...HOUSING_CONSTRUCTION_ITEMS,
  ...HEALTH_ITEMS,
  ...PUBLIC_SERVICE_ITEMS,
  ...CIVIL_AFFAIRS_ITEMS,
  ...TRANSPORT_ITEMS,
  ...ECOLOGY_ITEMS,
  ...AGRICULTURE_WATER_ITEMS,
  ...SAFETY_CULTURE_ITEMS,
  ...CITY_MARKET_REGULATION_ITEMS,
];

/**
 * Departments the catalogue seed names (implementing, co-departments, escalation targets) beyond the five identity
 * seats in every tenant (SCJG, RSJ, ZRZY, ZJJ, WJW): identity's tenancy seed should add them.
 */
export const EXTRA_SEED_DEPARTMENTS: readonly { tenant: string; abbreviation: string; name: string }[] = [
  { tenant: '620321', abbreviation: 'GAJ', name: '永昌县公安局' },
  { tenant: '620321', abbreviation: 'JYJ', name: '永昌县教育局' },
  { tenant: '620321', abbreviation: 'JTYS', name: '永昌县交通运输局' },
  { tenant: '620321', abbreviation: 'STHJ', name: '金昌市生态环境局永昌分局' },
  { tenant: '620321', abbreviation: 'MZJ', name: '永昌县民政局' },
  { tenant: '620321', abbreviation: 'NYNC', name: '永昌县农业农村局' },
  { tenant: '620321', abbreviation: 'SLJ', name: '永昌县水务局' },
  { tenant: '620321', abbreviation: 'YJGL', name: '永昌县应急管理局' },
  { tenant: '620321', abbreviation: 'WHLY', name: '永昌县文化和旅游局' },
  { tenant: '620321', abbreviation: 'SWJ', name: '国家税务总局永昌县税务局' },
  { tenant: '620300', abbreviation: 'JTYS', name: '金昌市交通运输局' },
  { tenant: '620300', abbreviation: 'STHJ', name: '金昌市生态环境局' },
];
