import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Input, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, HandlingCategory, ItemSummary, SearchQuery } from '../../api/types';
import { HANDLING_CATEGORY, ITEM_KIND, ITEM_KINDS, ONLINE_DEPTH, TIME_UNIT } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, MoreButton, Panel, useLoad, usePaged } from '../../shared/states';
import { ApiError } from '../../shared/problem';
import { useTenant } from '../tenant';

const PAGE_SIZE = 20;

/** The search as the URL says it (shareable, and the back button works). */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'tenant') next.delete('department');
    setParams(next, { replace: true });
  };
  return {
    q: get('q'),
    department: get('department'),
    kind: get('kind'),
    category: get('handlingCategory'),
    // 就近办理 (default): the region's own items and those of the centers above it, the closest first.
    scope: get('scope') === 'own' ? ('own' as const) : ('near' as const),
    set,
  };
}

/** A filter as a native select (the phone's own picker), labelled, with an "all" choice. */
function Choice(props: {
  id: string;
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  disabled?: boolean;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The portal's first page: find an item by keyword, region, department, kind and handling category. */
export function Home() {
  const { tenants, current, choose } = useTenant();
  const search = useSearchState();
  const tenant = current?.code;

  const query = useMemo(() => {
    const q: SearchQuery = { pageSize: PAGE_SIZE };
    if (tenant && search.scope === 'own') q.tenant = tenant;
    else if (tenant) q.near = tenant;
    if (search.q) q.q = search.q;
    if (search.department) q.department = search.department;
    if (search.kind) q.kind = search.kind;
    if (search.category) q.handlingCategory = search.category as HandlingCategory;
    return q;
  }, [tenant, search.scope, search.q, search.department, search.kind, search.category]);

  const results = usePaged<ItemSummary>(
    (pageToken) =>
      call(
        api.GET('/api/v1/catalogue/search', { params: { query: { ...query, ...(pageToken ? { pageToken } : {}) } } }),
      ),
    [JSON.stringify(query)],
  );
  const { first, items } = results;

  const departments = useLoad(
    () =>
      tenant
        ? call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })).then(
            (r) => r.departments,
          )
        : Promise.resolve([] as Department[]),
    [tenant],
  );
  const departmentName = (code: string) => departments.data?.find((d) => d.code === code)?.name;
  // Items of a center above the chosen region (就近办理 lists them after the region's own) name their center.
  const tenantName = (code: string) => tenants.find((t) => t.code === code)?.name ?? code;

  // A field the search API refused (a keyword too long…) is shown at its field.
  const fieldError = (name: string) => (first.error instanceof ApiError ? first.error.problem.fields[name] : undefined);

  return (
    <>
      <PageTitle
        title={`${current?.name ?? ''}网上办事大厅`}
        extra="查找政务服务事项，阅读办事指南，下载空白表格；已提交的办件可查询办理进度。"
      />
      <Panel>
        <div role="search" aria-label="事项检索">
          <div className="field">
            <label htmlFor="search-q">关键词</label>
            <Input.Search
              id="search-q"
              placeholder="事项名称或编码，如：食品经营许可"
              enterButton="搜索"
              allowClear
              defaultValue={search.q}
              maxLength={100}
              status={fieldError('q') ? 'error' : undefined}
              aria-describedby={fieldError('q') ? 'search-q-error' : undefined}
              onSearch={(value) => search.set('q', value.trim() || undefined)}
            />
            {fieldError('q') ? (
              <div id="search-q-error" className="field-error">
                {fieldError('q')}
              </div>
            ) : null}
          </div>
          <div className="filters">
            <Choice
              id="search-tenant"
              label="地区"
              all="全部地区"
              value={tenant}
              options={tenants.map((t) => ({ value: t.code, label: t.name }))}
              onChange={(code) => {
                choose(code);
                search.set('tenant', undefined);
              }}
            />
            <Choice
              id="search-scope"
              label="办理范围"
              all="本地区及上级（就近优先）"
              disabled={!tenant}
              value={search.scope === 'own' ? 'own' : undefined}
              options={[{ value: 'own', label: '仅本地区事项' }]}
              onChange={(scope) => search.set('scope', scope)}
            />
            <Choice
              id="search-department"
              label="实施部门"
              all={tenant ? '全部部门' : '请先选择地区'}
              disabled={!tenant}
              value={search.department}
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              onChange={(code) => search.set('department', code)}
            />
            <Choice
              id="search-kind"
              label="事项类型"
              all="全部类型"
              value={search.kind}
              options={ITEM_KINDS.map(([value, label]) => ({ value, label }))}
              onChange={(kind) => search.set('kind', kind)}
            />
            <Choice
              id="search-category"
              label="办件类型"
              all="全部"
              value={search.category}
              options={Object.entries(HANDLING_CATEGORY).map(([value, label]) => ({ value, label }))}
              onChange={(category) => search.set('handlingCategory', category)}
            />
          </div>
        </div>
        <div className="result-meta" style={{ margin: 0 }}>
          <Link to="/progress">办件进度查询</Link>
          <Link to="/my">我的办件</Link>
        </div>
      </Panel>

      <section aria-label="检索结果">
        {first.error ? (
          <ErrorAlert error={first.error} onRetry={first.reload} />
        ) : first.loading && !first.data ? (
          <Loading text="正在检索事项…" />
        ) : items.length === 0 ? (
          <EmptyState text="没有找到符合条件的事项，请换个关键词或减少筛选条件。" />
        ) : (
          <>
            <p style={{ color: 'rgba(0,0,0,0.65)' }}>共找到 {first.data?.total ?? items.length} 个事项</p>
            <ul className="result-list">
              {items.map((item) => (
                <li key={item.id}>
                  <h2 className="result-title">
                    <Link to={`/items/${item.id}`}>{item.name}</Link>
                  </h2>
                  <div className="result-meta">
                    {item.tenant !== tenant ? <span>实施地区：{tenantName(item.tenant)}</span> : null}
                    <span>实施部门：{departmentName(item.department) ?? item.department}</span>
                    <span>事项类型：{ITEM_KIND[item.kind] ?? item.kind}</span>
                    {item.promisedLimit ? (
                      <span>
                        承诺时限：{item.promisedLimit.days}
                        {TIME_UNIT[item.promisedLimit.unit] ?? '天'}
                      </span>
                    ) : null}
                  </div>
                  <Tag color="blue">{HANDLING_CATEGORY[item.handlingCategory]}</Tag>
                  <Tag color="green">{ONLINE_DEPTH[item.onlineDepth]}</Tag>
                </li>
              ))}
            </ul>
            <MoreButton paged={results} />
          </>
        )}
      </section>
    </>
  );
}
