import { useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Case, Profile } from '../../api/types';
import { CASE_STATUS } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { RequireLogin } from '../../shared/require-login';
import { ErrorAlert, Loading, Notice, useLoad } from '../../shared/states';
import { ApplicationEditor, EDITABLE } from '../apply/ApplicationEditor';
import { IN_TEXT_LINK, idempotencyKey } from '../common/form-problem';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import type { PublishedItem } from '../common/types';

interface StartValues {
  onBehalfOf: string;
  contact?: { mobile?: string };
}

/** Who applies: the person, or a company they hold or act for (以企业名义办理); then the draft is opened. */
function Start({ item, profile }: { item: PublishedItem; profile: Profile }) {
  const [form] = Form.useForm<StartValues>();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // One key for this page: a repeated click (or a retry after a lost answer) opens the same draft.
  const key = useRef(idempotencyKey('open'));
  const serves = item.content?.serviceObject ?? 'both';
  const companies = serves === 'person' ? [] : [...profile.heldLegalPersons, ...profile.agentFor];
  const self =
    serves === 'enterprise' ? [] : [{ value: '', label: `以个人名义办理（${profile.person?.name ?? '本人'}）` }];
  const options = [...self, ...companies.map((lp) => ({ value: lp.id, label: `以企业名义办理：${lp.name}` }))];

  const start = async (v: StartValues) => {
    setBusy(true);
    setMessages([]);
    try {
      const opened = await call(
        api.POST('/api/v1/cases', {
          params: { header: { 'idempotency-key': key.current } },
          body: {
            itemId: item.id,
            ...(v.onBehalfOf ? { onBehalfOf: v.onBehalfOf } : {}),
            ...(v.contact?.mobile?.trim() ? { contact: { mobile: v.contact.mobile.trim() } } : {}),
          },
        }),
      );
      navigate(`/apply/${item.id}?case=${opened.id}`, { replace: true });
    } catch (e) {
      setMessages(showOnForm(form, e, ['onBehalfOf', 'contact.mobile']));
      key.current = idempotencyKey('open');
    } finally {
      setBusy(false);
    }
  };

  if (options.length === 0) {
    return (
      <Notice title="本事项只面向企业办理" text="请由企业的法定代表人登记企业，或请法定代表人授权您为经办人后再申请。">
        <Link to="/enterprise">前往“企业与授权”</Link>
      </Notice>
    );
  }
  return (
    <Card title="第一步：选择申请人" style={{ maxWidth: 720 }}>
      <FormMessages messages={messages} />
      <Form<StartValues>
        form={form}
        layout="vertical"
        initialValues={{ onBehalfOf: options[0]!.value, contact: { mobile: profile.person?.phone } }}
        onFinish={(v) => void start(v)}
      >
        <Form.Item name="onBehalfOf" label="申请人">
          <Radio.Group>
            <Space direction="vertical">
              {options.map((o) => (
                <Radio key={o.value} value={o.value}>
                  {o.label}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {companies.length === 0 && serves !== 'person' ? (
          <Typography.Paragraph type="secondary">
            为企业办理？请法定代表人在{' '}
            <Link to="/enterprise" style={IN_TEXT_LINK}>
              企业与授权
            </Link>{' '}
            中登记企业并授权您为经办人。
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name={['contact', 'mobile']}
          label="联系手机（接收办理进度短信）"
          rules={[{ pattern: /^\s*1[3-9][0-9]{9}\s*$/, message: '请填写11位手机号码' }]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          开始填写申请
        </Button>
      </Form>
    </Card>
  );
}

function Editing({ caseId, item }: { caseId: string; item: PublishedItem }) {
  const navigate = useNavigate();
  const loaded = useLoad(() => call(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })), [caseId]);
  const [c, setC] = useState<Case>();
  const current = c ?? loaded.data;
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!current) return <Loading text="正在读取申请…" />;
  if (!EDITABLE.includes(current.status)) {
    return (
      <Notice title={`该申请${CASE_STATUS[current.status]}`} text="已提交的申请不能在这里修改。">
        <Link to={`/my/cases/${current.id}`}>查看办件详情</Link>
      </Notice>
    );
  }
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`申请人：${current.applicant.name}${current.applicant.agentName ? `（经办人 ${current.applicant.agentName}）` : ''}`}
        description="填写内容可随时保存为草稿，在“我的办件 › 草稿”中继续。"
      />
      <ApplicationEditor
        c={current}
        item={item}
        onCase={setC}
        onSubmitted={(done) => navigate(`/my/cases/${done.id}?submitted=1`)}
      />
    </>
  );
}

function ApplyLoader({ itemId }: { itemId: string }) {
  const [params] = useSearchParams();
  const caseId = params.get('case');
  const item = useLoad(
    () => call(api.GET('/api/v1/catalogue/published/{id}', { params: { path: { id: itemId } } })),
    [itemId],
  );
  const profile = useLoad(() => call(api.GET('/api/v1/identity/me', {})), []);
  const error = item.error ?? profile.error;
  if (error) return <ErrorAlert error={error} onRetry={() => (item.reload(), profile.reload())} />;
  if (!item.data || !profile.data) return <Loading text="正在准备申请…" />;
  const it = item.data;
  return (
    <>
      <PageTitle title={`在线申报：${it.name}`} extra={<Link to={`/items/${it.id}`}>查看办事指南</Link>} />
      {profile.data.kind !== 'natural-person' ? (
        <Notice title="请使用个人账户申请" text="工作人员账户不能在网上办事大厅提交申请。" />
      ) : it.content?.onlineDepth === 'disclosure_only' ? (
        <Notice title="本事项暂不支持网上申请" text="请阅读办事指南，到政务服务中心窗口办理。" />
      ) : caseId ? (
        <Editing caseId={caseId} item={it} />
      ) : (
        <Start item={it} profile={profile.data} />
      )}
    </>
  );
}

/** 在线申报: choose who applies, then fill in the form, provide the materials and submit. */
export default function Apply() {
  const { itemId = '' } = useParams();
  return (
    <RequireLogin why="在线申报需要先登录。还没有账户？请先注册。">
      <ApplyLoader itemId={itemId} />
    </RequireLogin>
  );
}
