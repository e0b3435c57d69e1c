import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Guide, Material } from '../../api/types';
import {
  DELIVERY,
  HANDLING_CATEGORY,
  ITEM_KIND,
  MATERIAL_FORM,
  ONLINE_DEPTH,
  SERVICE_OBJECT,
  TIME_UNIT,
} from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { ErrorAlert, Loading, useLoad } from '../../shared/states';
import { ItemConsultations, ItemFaqs } from '../consultations/ItemConsultations';

const fileUrl = (id: string) => `/api/v1/catalogue/files/${encodeURIComponent(id)}`;
const limit = (l: { days: number; unit: string } | undefined) =>
  l && l.days > 0 ? `${l.days}${TIME_UNIT[l.unit] ?? '天'}` : '无';
const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

function materialCopies(m: Material): string {
  const parts = [MATERIAL_FORM[m.form] ?? m.form];
  if (m.originalCount > 0) parts.push(`原件 ${m.originalCount} 份`);
  if (m.copyCount > 0) parts.push(`复印件 ${m.copyCount} 份`);
  return parts.join('，');
}

function Materials({ materials }: { materials: Material[] }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={materials}
      columns={[
        { title: '序号', key: 'n', width: 56, render: (_v, _m, i) => i + 1 },
        {
          title: '材料名称',
          dataIndex: 'name',
          render: (name: string, m) => (
            <>
              <div>{name}</div>
              {m.condition ? <Typography.Text type="secondary">{m.condition}</Typography.Text> : null}
              {m.notes ? <Typography.Text type="secondary"> {m.notes}</Typography.Text> : null}
            </>
          ),
        },
        {
          title: '是否必需',
          dataIndex: 'required',
          width: 88,
          render: (required: boolean) => (required ? <Tag color="red">必需</Tag> : <Tag>视情形</Tag>),
        },
        { title: '材料形式与份数', key: 'form', render: (_v, m) => materialCopies(m) },
        {
          title: '电子件要求',
          key: 'formats',
          render: (_v, m) =>
            m.formats.length > 0
              ? `${m.formats.join('、').toUpperCase()}${m.maxSizeKb > 0 ? `，不超过 ${Math.round(m.maxSizeKb / 1024) || 1} MB` : ''}`
              : '—',
        },
        {
          title: '表格下载',
          key: 'files',
          render: (_v, m) => (
            <Space direction="vertical" size={0}>
              {m.blankFormFileId ? <a href={fileUrl(m.blankFormFileId)}>空白表格</a> : null}
              {m.sampleFileId ? <a href={fileUrl(m.sampleFileId)}>示范文本</a> : null}
              {!m.blankFormFileId && !m.sampleFileId ? '—' : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function GuideView({ guide }: { guide: Guide }) {
  const navigate = useNavigate();
  const item = guide.item;
  const c = item.content;
  const where = guide.center ?? c?.location;
  return (
    <>
      <PageTitle
        title={item.name}
        extra={
          <Space wrap>
            <Tag color="blue">{HANDLING_CATEGORY[item.handlingCategory]}</Tag>
            {c ? <Tag color="green">{ONLINE_DEPTH[c.onlineDepth]}</Tag> : null}
            <a href={`/api/v1/catalogue/published/${item.id}/guide.pdf`}>下载办事指南（PDF）</a>
          </Space>
        }
      />
      {c && c.onlineDepth !== 'disclosure_only' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            c.onlineDepth === 'fully_online'
              ? '本事项可全程网上办理。'
              : '本事项可网上申请，预审通过后按通知到窗口核验。'
          }
          action={
            <Button type="primary" onClick={() => navigate(`/apply/${item.id}`)}>
              在线申报
            </Button>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="本事项暂不支持网上申请。请阅读办事指南、下载空白表格，并到下方地点办理。"
        />
      )}
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="实施主体">{guide.departmentName}</Descriptions.Item>
          <Descriptions.Item label="所属地区">{guide.tenantName}</Descriptions.Item>
          <Descriptions.Item label="事项类型">{ITEM_KIND[item.kind] ?? item.kind}</Descriptions.Item>
          <Descriptions.Item label="基本编码">{item.basicCode}</Descriptions.Item>
          {c?.implementationCode ? (
            <Descriptions.Item label="实施编码">{c.implementationCode}</Descriptions.Item>
          ) : null}
          {c ? <Descriptions.Item label="服务对象">{SERVICE_OBJECT[c.serviceObject] ?? '—'}</Descriptions.Item> : null}
          {c ? <Descriptions.Item label="法定办结时限">{limit(c.statutoryLimit)}</Descriptions.Item> : null}
          {c ? <Descriptions.Item label="承诺办结时限">{limit(c.promisedLimit)}</Descriptions.Item> : null}
          {c ? <Descriptions.Item label="到办事现场次数">{c.visits} 次</Descriptions.Item> : null}
          {c && c.deliveryOptions.length > 0 ? (
            <Descriptions.Item label="送达方式">
              {c.deliveryOptions.map((d) => DELIVERY[d] ?? d).join('、')}
            </Descriptions.Item>
          ) : null}
          {guide.coDepartmentNames.length > 0 ? (
            <Descriptions.Item label="协办部门">{guide.coDepartmentNames.join('、')}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {c && c.acceptanceConditions.length > 0 ? (
        <Card title="受理条件" style={{ marginBottom: 16 }}>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {c.acceptanceConditions.map((condition, i) => (
              <li key={i}>{condition}</li>
            ))}
          </ol>
        </Card>
      ) : null}
      {c ? (
        <Card title="申请材料" style={{ marginBottom: 16 }}>
          {c.materials.length > 0 ? <Materials materials={c.materials} /> : '无需提交材料'}
        </Card>
      ) : null}
      {c ? (
        <Card title="收费标准" style={{ marginBottom: 16 }}>
          {c.fees.length === 0 ? (
            '不收费'
          ) : (
            <List
              size="small"
              dataSource={c.fees}
              renderItem={(fee) => (
                <List.Item>
                  <div>
                    <strong>{fee.name}</strong>：{fee.amountFen > 0 ? yuan(fee.amountFen) : fee.formula || '按规定计算'}
                    {fee.legalBasis ? <div>收费依据：{fee.legalBasis}</div> : null}
                    {fee.reductions ? <div>减免政策：{fee.reductions}</div> : null}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : null}
      {c && c.workflow.length > 0 ? (
        <Card title="办理流程" style={{ marginBottom: 16 }}>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {c.workflow.map((step, i) => (
              <li key={i}>
                {step.name}
                {step.budgetWorkingDays > 0 ? `（${step.budgetWorkingDays} 个工作日）` : ''}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      {where ? (
        <Card title="办理地点和时间" style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="办理地点">{where.windowLocation || '—'}</Descriptions.Item>
            <Descriptions.Item label="办理时间">{where.hours || '—'}</Descriptions.Item>
            <Descriptions.Item label="咨询电话">{where.consultationPhone || '—'}</Descriptions.Item>
            <Descriptions.Item label="投诉电话">{where.complaintPhone || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {c && c.legalBases.length > 0 ? (
        <Card title="设定依据" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={c.legalBases}
            renderItem={(basis) => (
              <List.Item>
                《{basis.law}》{basis.article}
                {basis.text ? <div style={{ color: 'rgba(0,0,0,0.65)' }}>{basis.text}</div> : null}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <ItemFaqs tenant={item.tenant} itemCode={item.basicCode} own={c?.faq ?? []} />
      {item.status === 'published' ? (
        <ItemConsultations tenant={item.tenant} itemId={item.id} itemCode={item.basicCode} />
      ) : null}
    </>
  );
}

/** The service guide (办事指南) of a published item, with its PDF and the blank forms. */
export default function ItemGuide() {
  const { id = '' } = useParams();
  const guide = useLoad(
    () => call(api.GET('/api/v1/catalogue/published/{id}/guide', { params: { path: { id } } })),
    [id],
  );
  if (guide.error) return <ErrorAlert error={guide.error} onRetry={guide.reload} />;
  if (!guide.data) return <Loading text="正在读取办事指南…" />;
  return <GuideView guide={guide.data} />;
}
