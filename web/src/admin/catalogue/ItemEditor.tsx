import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, ConfigProvider, Descriptions, Form, List, Space, Tabs, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { ApiError, messageOf } from '../../shared/problem';
import { EmptyState, ErrorAlert, Loading, useLoad } from '../../shared/states';
import { DiffView } from './DiffView';
import { FormBuilder } from './FormBuilder';
import { DeleteDraftButton, RetireButton, deletable } from './ItemActions';
import { listAll } from './ItemList';
import {
  ITEM_STATUS,
  ITEM_STATUS_COLOR,
  editorValues,
  parseJson,
  placeErrors,
  schemaFieldPaths,
  tabOf,
  type EditorTab,
  type EditorValues,
  type Item,
  type ItemContent,
  type ItemRow,
} from './model';
import {
  BasicSection,
  ConditionsSection,
  LimitsSection,
  MaterialsSection,
  RulesSection,
  ServiceSection,
  WorkflowSection,
} from './sections';
import { useCatalogueSession } from './session';

type Tab = EditorTab | 'diff' | 'reviews';
interface Shown {
  type: 'success' | 'error' | 'info';
  messages: string[];
}

/** The rules tab, with the form's fields and the item's materials to choose from. */
function Rules() {
  const form = Form.useFormInstance();
  const schema = (Form.useWatch(['content', 'form', 'jsonSchema'], form) as string | undefined) ?? '';
  const materials = (Form.useWatch(['content', 'materials'], form) as ItemContent['materials'] | undefined) ?? [];
  const fieldPaths = useMemo(() => {
    const parsed = parseJson(schema);
    return parsed.ok ? schemaFieldPaths(parsed.value) : [];
  }, [schema]);
  return <RulesSection fieldPaths={fieldPaths} materialIds={materials.map((m) => m.id).filter(Boolean)} />;
}

/** The reviews an edition went through: who, when, approved or returned and why. */
export function ReviewHistory({ item }: { item: Item }) {
  if (item.reviews.length === 0) return <EmptyState text="暂无审核记录" />;
  return (
    <List
      dataSource={[...item.reviews].reverse()}
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <Tag color={r.approved ? 'green' : 'orange'}>{r.approved ? '审核通过' : '退回修改'}</Tag>
                <span>{dateTime(r.at)}</span>
                <span>审核人：{r.reviewer}</span>
              </Space>
            }
            description={r.comments || '（无意见）'}
          />
        </List.Item>
      )}
    />
  );
}

/** The edition's state in words, with what can be done next. */
function StatusNote({
  item,
  canEdit,
  onNewEdition,
  onRetired,
  busy,
}: {
  item: Item;
  canEdit: boolean;
  onNewEdition: () => void;
  onRetired: (retired: Item) => void;
  busy: boolean;
}) {
  const last = item.reviews.at(-1);
  switch (item.status) {
    case 'draft':
      return last && !last.approved ? (
        <Alert type="warning" showIcon message="审核退回，请修改后重新提交" description={last.comments} />
      ) : null;
    case 'submitted':
      return (
        <Alert
          type="info"
          showIcon
          message="本版本已提交审核，等待审核人员审核发布；审核期间不能修改。"
          action={<Link to={`/reviews/${item.id}`}>查看审核</Link>}
        />
      );
    case 'published':
      return (
        <Alert
          type="success"
          showIcon
          message="本版本已发布，公众正在使用，不能直接修改；如需调整，请新建版本，修改后提交审核。"
          action={
            canEdit ? (
              <Space wrap>
                <Button type="primary" onClick={onNewEdition} loading={busy}>
                  新建版本
                </Button>
                <RetireButton item={item} onRetired={onRetired} />
              </Space>
            ) : undefined
          }
        />
      );
    case 'superseded':
      return <Alert type="info" showIcon message="本版本已被新版本替代，仅供查阅。" />;
    case 'retired':
      return (
        <Alert
          type="warning"
          showIcon
          message="本事项已停用，公众不能再申请"
          description={item.retiredReason ? `停用原因：${item.retiredReason}` : undefined}
        />
      );
  }
}

function ItemEditor({ initial }: { initial: Item }) {
  const navigate = useNavigate();
  const { canEdit } = useCatalogueSession();
  const [item, setItem] = useState(initial);
  const [form] = Form.useForm();
  const [tab, setTab] = useState<Tab>('basic');
  const [busy, setBusy] = useState<'save' | 'submit' | 'edition'>();
  const [shown, setShown] = useState<Shown>();
  /** The edition already in progress when 新建版本 was refused: where the administrator is led. */
  const [openEdition, setOpenEdition] = useState<ItemRow>();
  const [dirty, setDirty] = useState(false);
  const editionKey = useRef<string>(undefined);
  const departments = useLoad(
    () =>
      call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: item.tenant } } })).then(
        (r) => r.departments,
      ),
    [item.tenant],
  );
  const editable = canEdit && item.status === 'draft';
  const initialValues = useMemo(() => editorValues(initial), [initial]);

  /** An API problem: each field's message at its field (its tab opened), the rest above the form. */
  function showProblem(error: unknown) {
    if (!(error instanceof ApiError)) {
      setShown({ type: 'error', messages: [messageOf(error)] });
      return;
    }
    const known = form.getFieldsError().map((f) => f.name.join('.'));
    const placed = placeErrors(error.problem.fields, known);
    form.setFields(placed.fields);
    const first = placed.fields[0];
    if (first) setTab(tabOf(first.name.join('.')));
    setShown({ type: 'error', messages: [error.problem.message, ...placed.rest] });
  }

  /** The browser's checks of every field; on a failure its tab opens and the page says so. */
  async function validated(): Promise<boolean> {
    try {
      await form.validateFields();
      return true;
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setTab(tabOf(first.name.join('.')));
      setShown({ type: 'error', messages: ['有内容需要修改，请按标红处的提示修改'] });
      return false;
    }
  }

  async function save(): Promise<Item | undefined> {
    if (!(await validated())) return undefined;
    const values = form.getFieldsValue(true) as EditorValues;
    try {
      const saved = await call(
        api.PUT('/api/v1/catalogue/items/{id}', {
          params: { path: { id: item.id } },
          body: { ...values, expectedVersion: item.version },
        }),
      );
      setItem(saved);
      setDirty(false);
      return saved;
    } catch (e) {
      showProblem(e);
      return undefined;
    }
  }

  async function onSave() {
    setShown(undefined);
    // Checked before the button turns busy: a loading state that ends in the same frame it began leaves antd's
    // loading icon stuck in its leave motion.
    if (!(await validated())) return;
    setBusy('save');
    const saved = await save();
    if (saved) setShown({ type: 'success', messages: ['草稿已保存'] });
    setBusy(undefined);
  }

  async function onSubmit() {
    setBusy('submit');
    setShown(undefined);
    const current = dirty ? await save() : item;
    if (current) {
      try {
        const submitted = await call(
          api.POST('/api/v1/catalogue/items/{id}/submit', {
            params: { path: { id: item.id } },
            body: { expectedVersion: current.version },
          }),
        );
        setItem(submitted);
        setShown({ type: 'success', messages: ['已提交审核，审核通过后发布'] });
      } catch (e) {
        showProblem(e);
      }
    }
    setBusy(undefined);
  }

  async function onNewEdition() {
    setBusy('edition');
    setShown(undefined);
    setOpenEdition(undefined);
    editionKey.current ??= `edition-${crypto.randomUUID()}`;
    try {
      const created = await call(
        api.POST('/api/v1/catalogue/items/{id}/editions', {
          params: { path: { id: item.id }, header: { 'idempotency-key': editionKey.current } },
        }),
      );
      void navigate(`/catalogue/${created.id}`);
    } catch (e) {
      showProblem(e);
      if (e instanceof ApiError && e.problem.code === 'EDITION_IN_PROGRESS') {
        // The series' open edition (a draft, or one under review), found by the series' basic code.
        const rows = await listAll(item.tenant, undefined, item.basicCode).catch(() => []);
        setOpenEdition(
          rows.find((r) => r.seriesId === item.seriesId && (r.status === 'draft' || r.status === 'submitted')),
        );
      }
    }
    setBusy(undefined);
  }

  const formTabs: { key: EditorTab; label: string; children: ReactNode }[] = [
    {
      key: 'basic',
      label: '基本信息',
      children: <BasicSection departments={departments.data ?? []} firstEdition={item.edition === 1} />,
    },
    { key: 'conditions', label: '依据与条件', children: <ConditionsSection /> },
    { key: 'materials', label: '申请材料', children: <MaterialsSection tenant={item.tenant} readOnly={!editable} /> },
    { key: 'limits', label: '时限与收费', children: <LimitsSection /> },
    { key: 'workflow', label: '办理流程', children: <WorkflowSection /> },
    { key: 'service', label: '窗口与咨询', children: <ServiceSection /> },
    { key: 'form', label: '表单设计', children: <FormBuilder readOnly={!editable} /> },
    { key: 'rules', label: '预审规则', children: <Rules /> },
  ];

  return (
    <>
      <PageTitle
        title={item.name}
        extra={
          <Space wrap>
            <span>第 {item.edition} 版</span>
            <Tag color={ITEM_STATUS_COLOR[item.status]}>{ITEM_STATUS[item.status]}</Tag>
            <span>基本编码 {item.basicCode}</span>
          </Space>
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <StatusNote
          item={item}
          canEdit={canEdit}
          onNewEdition={() => void onNewEdition()}
          onRetired={(retired) => setItem(retired)}
          busy={busy === 'edition'}
        />
        {openEdition ? (
          <Alert
            type="info"
            showIcon
            message={`第 ${openEdition.edition} 版${openEdition.status === 'submitted' ? '正在审核' : '正在编辑'}，请在该版本上继续。`}
            action={
              <Link
                to={openEdition.status === 'submitted' ? `/reviews/${openEdition.id}` : `/catalogue/${openEdition.id}`}
              >
                打开第 {openEdition.edition} 版
              </Link>
            }
          />
        ) : null}
        {shown ? (
          <Alert
            type={shown.type}
            showIcon
            role={shown.type === 'error' ? 'alert' : 'status'}
            message={shown.messages[0]}
            description={
              shown.messages.length > 1 ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {shown.messages.slice(1).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : undefined
            }
            closable
            onClose={() => setShown(undefined)}
          />
        ) : null}
        {editable ? (
          <Space wrap>
            <Button onClick={() => void onSave()} loading={busy === 'save'} disabled={busy !== undefined}>
              保存草稿
            </Button>
            <Button
              type="primary"
              onClick={() => void onSubmit()}
              loading={busy === 'submit'}
              disabled={busy !== undefined}
            >
              提交审核
            </Button>
            {deletable(item) ? <DeleteDraftButton item={item} onError={(e) => showProblem(e)} /> : null}
            {dirty ? <span style={{ color: 'rgba(0,0,0,0.65)' }}>有未保存的修改</span> : null}
          </Space>
        ) : null}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="创建人">{item.createdBy}</Descriptions.Item>
          <Descriptions.Item label="最后修改">{dateTime(item.updatedAt)}</Descriptions.Item>
          {item.submittedBy ? (
            <Descriptions.Item label="提交人">
              {item.submittedBy}（{dateTime(item.submittedAt)}）
            </Descriptions.Item>
          ) : null}
          {item.publishedAt ? (
            <Descriptions.Item label="发布时间">{dateTime(item.publishedAt)}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {/* What cannot be changed (a published edition, a later edition's basic code) stays readable. */}
        <ConfigProvider theme={{ token: { colorTextDisabled: 'rgba(0, 0, 0, 0.7)' } }}>
          <Form
            form={form}
            component={false}
            layout="vertical"
            initialValues={initialValues}
            disabled={!editable}
            onValuesChange={() => setDirty(true)}
          >
            <Tabs
              activeKey={tab}
              onChange={(k) => setTab(k as Tab)}
              items={[
                ...formTabs.map((t) => ({ ...t, forceRender: true })),
                ...(item.previousId
                  ? [
                      {
                        key: 'diff' as const,
                        label: '与上一版比较',
                        children: <DiffView key={item.version} from={item.previousId} to={item.id} />,
                      },
                    ]
                  : []),
                { key: 'reviews' as const, label: '审核记录', children: <ReviewHistory item={item} /> },
              ]}
            />
          </Form>
        </ConfigProvider>
      </Space>
    </>
  );
}

/** `/catalogue/:id`: one edition of an item, editable while it is a draft. */
export function ItemPage() {
  const { id = '' } = useParams();
  const item = useLoad(() => call(api.GET('/api/v1/catalogue/items/{id}', { params: { path: { id } } })), [id]);
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data || item.data.id !== id) return <Loading text="正在读取事项…" />;
  return <ItemEditor key={item.data.id} initial={item.data} />;
}
