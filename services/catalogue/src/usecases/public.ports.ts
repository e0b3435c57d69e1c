import type { Authorizer } from '@govhall/auth';
import type { Item } from '../domain/item';
import type { OnlineDepth, ServiceLocation, TimeLimit } from '../domain/item-content';

/** Ports of the public reading side: search, published items, guide names, guide PDF and item files. */

export interface SearchFilters {
  tenant?: string;
  /** 就近: items of this region's tenant and of the tenants above it only. */
  near?: string;
  department?: string;
  kind?: string;
  handlingCategory?: string;
}

export interface SearchQuery extends SearchFilters {
  /** '' lists every published item that passes the filters. */
  keyword: string;
  offset: number;
  limit: number;
}

/** One search hit: what a result list shows, and the relevance score (0 without a keyword). */
export interface ItemSummary {
  id: string;
  tenant: string;
  name: string;
  basicCode: string;
  kind: string;
  handlingCategory: string;
  department: string;
  edition: number;
  promisedLimit: TimeLimit;
  onlineDepth: OnlineDepth;
  score: number;
}

export interface SearchPage {
  items: ItemSummary[];
  total: number;
}

/** The in-process search index over published items. */
export interface ItemSearch {
  search(query: SearchQuery): SearchPage;
}

/** Read-only view of the items the public may read: published and superseded editions. */
export interface PublishedItems {
  /** The item when it is published or superseded; null otherwise (drafts, submitted, retired, unknown). */
  findPublic(id: string): Promise<Item | null>;
  /** True when a published or superseded item of `tenant` names the file as a blank form or sample. */
  isFileReferenced(tenant: string, fileId: string): Promise<boolean>;
  /** Those of `basicCodes` that `tenant` has a published (current) item for, in any order, each once. */
  publishedBasicCodes(tenant: string, basicCodes: readonly string[]): Promise<string[]>;
}

/**
 * Names of departments and tenants and the tenant's service center, as identity (which owns them) knows them. An
 * unknown code is answered as the code itself; UnavailableError when identity cannot be asked and nothing is known.
 */
export interface DirectoryNames {
  departmentName(code: string): Promise<string>;
  tenantName(code: string): Promise<string>;
  /** The tenant's service center (name and address, hours, phones); undefined when unknown. */
  serviceCenter(tenant: string): Promise<ServiceLocation | undefined>;
}

/** 办事指南 as the public reads it. */
export interface Guide {
  item: Item;
  departmentName: string;
  tenantName: string;
  center: ServiceLocation;
  /** Names of a joint item's co-departments (协办部门), in the item's order. */
  coDepartmentNames: string[];
}

export interface GuidePdfRenderer {
  render(guide: Guide): Promise<Buffer>;
}

/** A blank form or sample file (a material's 空白表格 or 示例样表). */
export interface ItemFile {
  id: string;
  tenant: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  createdAt: Date;
  createdBy: string;
}

export interface ItemFileRepository {
  /**
   * Stores a new file. When the tenant already holds the same content under the same name and type, returns that
   * file instead (a retried upload does not store a second copy).
   */
  insert(file: ItemFile, content: Buffer): Promise<{ file: ItemFile; created: boolean }>;
  findById(id: string): Promise<{ file: ItemFile; content: Buffer } | null>;
}

export interface PublicDeps {
  search: ItemSearch;
  published: PublishedItems;
  names: DirectoryNames;
  pdf: GuidePdfRenderer;
  files: ItemFileRepository;
  authorizer: Authorizer;
  clock: { now(): Date };
  ids: { newId(): string };
  /** GOVHALL_TENANTS: uploads are accepted only for these tenants; empty means any. */
  hostedTenants?: readonly string[];
}
