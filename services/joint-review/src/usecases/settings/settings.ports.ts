import type { JointFlow } from '../../domain/reviews/joint-flow';
import type { ReviewSettings } from '../../domain/reviews/review-settings';
import type { WindowInfo } from '../delegation/delegation.ports';
import type { Clock, Duty, FlowSource, Items, Page, PageQuery, SettingsSource } from '../ports';

/** Collection `joint_review_settings`: one document per tenant. */
export interface SettingsRepository extends SettingsSource {
  /** Stores `next` if the tenant's settings still have `expectedVersion` (0: never set); ConcurrencyError otherwise. */
  save(next: ReviewSettings, expectedVersion: number): Promise<ReviewSettings>;
}

/** Collection `joint_flows`: one document per (tenant, item series). */
export interface FlowRepository extends FlowSource {
  /** Stores `next` if the flow still has `expectedVersion` (0: none yet); ConcurrencyError otherwise. */
  save(next: JointFlow, expectedVersion: number): Promise<JointFlow>;
  /** The tenant's configured flows by item name. */
  list(tenant: string, page: PageQuery): Promise<Page<JointFlow>>;
}

/** What the settings and flow use cases are given (settings.wiring.ts wires the adapters; unit tests the fakes). */
export interface SettingsDeps {
  settings: SettingsRepository;
  flows: FlowRepository;
  items: Items;
  duty: Pick<Duty, 'hasDepartment'>;
  windows: { get(tenant: string, windowId: string): Promise<WindowInfo | null> };
  tenants: { parentOf(tenant: string): Promise<string> };
  clock: Clock;
  /** Tenants this deployment hosts (empty: any): a parent hosted elsewhere is not asked about its departments. */
  hosted: ReadonlySet<string>;
}
