import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Mismatch, MismatchKind, Profile, Statement } from '../../api/types';
import { useAuth } from '../../shared/auth';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { MISMATCH_KIND, yuan } from '../../shared/payments';
import { ApiError } from '../../shared/problem';
import { usePaged, type Loaded } from '../../shared/states';
import { postOneFile } from '../../shared/upload';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
type Imported = { statement: Statement; created: boolean; mismatches: Mismatch[] };

const KINDS = Object.keys(MISMATCH_KIND) as MismatchKind[];

/** A refused file's reasons: each line's problem (`statement.lines.3.amount`) or the file's own (`statement`). */
function fileProblems(error: unknown): string[] {
  if (!(error instanceof ApiError)) return ['对账单导入失败，请重试'];
  const reasons = Object.values(error.problem.fields);
  return reasons.length > 0 ? reasons : [error.message];
}

/** 导入对账单: one statement file (GB18030 or UTF-8 with BOM) posted as multipart; the outcome, or the file's problems. */
function ImportCard({ onImported }: { onImported: () => void }) {
  const { user } = useAuth();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<Imported>();
  const submit = async () => {
    if (!file) {
      setProblems(['请选择银行对账单文件（CSV）']);
      return;
    }
    setBusy(true);
    setProblems([]);
    setResult(undefined);
    try {
      const answer = await postOneFile<Imported>(
        '/api/v1/payments/reconciliation/statements',
        'statement',
        file,
        user?.access_token,
        [200, 201],
      );
      setResult(answer);
      onImported();
    } catch (e) {
      setProblems(fileProblems(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="导入银行对账单" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        每个清算日一份对账单（CSV，GB18030 或带 BOM 的 UTF-8），逐行与缴款通知书核对；同一文件重复导入不会重复处理。
      </Typography.Paragraph>
      <Space wrap>
        <label>
          对账单文件{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="对账单文件"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          导入对账单
        </Button>
      </Space>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          message="对账单未导入，未作任何改变"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result ? (
        <div role="status" style={{ marginTop: 16 }}>
          <Alert
            type={result.statement.mismatchCount > 0 ? 'warning' : 'success'}
            showIcon
            message={
              result.created
                ? `已导入 ${result.statement.settlementDate} 的对账单：核对一致 ${result.statement.matchedCount} 笔，差异 ${result.statement.mismatchCount} 项`
                : `该对账单已于此前导入，未作改变（差异 ${result.statement.mismatchCount} 项）`
            }
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label="清算日期">{result.statement.settlementDate}</Descriptions.Item>
            <Descriptions.Item label="行数">{result.statement.lineCount}</Descriptions.Item>
            <Descriptions.Item label="编码">{result.statement.encoding}</Descriptions.Item>
            <Descriptions.Item label="缴款合计">{yuan(result.statement.paidTotalFen)}</Descriptions.Item>
            <Descriptions.Item label="退款合计">{yuan(result.statement.refundTotalFen)}</Descriptions.Item>
          </Descriptions>
        </div>
      ) : null}
    </Card>
  );
}

/** 处理差异: what was done about it, in a note the service keeps with the mismatch. */
function ResolveDialog({ row, onClose, onDone }: { row: Mismatch; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setErrors([]);
    try {
      await call(
        api.POST('/api/v1/payments/reconciliation/mismatches/{id}/resolve', {
          params: { path: { id: row.id } },
          body: { note: (note ?? '').trim(), expectedVersion: row.version },
        }),
      );
      onDone();
    } catch (e) {
      setErrors(showOnForm(form, e, ['note']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="处理对账差异" onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        {MISMATCH_KIND[row.kind as MismatchKind] ?? row.kind}：{row.detail}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label="处理说明">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <FormMessages messages={errors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            标记为已处理
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The mismatches found, open ones first by default, by kind; a finance reconciler resolves one with a note. */
function MismatchList({ staff, round }: { staff: Staff; round: number }) {
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? 'open') as 'open' | 'resolved' | 'all';
  const kind = (params.get('kind') ?? '') as MismatchKind | '';
  const set = (next: { state?: string; kind?: string }) => {
    const merged = { state, kind, ...next };
    setParams(new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== '')), { replace: true });
  };
  const [resolving, setResolving] = useState<Mismatch>();
  const resolves = staff.roles.includes('finance_reconciler');
  const paged = usePaged<Mismatch>(
    (pageToken) =>
      call(
        api.GET('/api/v1/payments/reconciliation/mismatches', {
          params: {
            query: pageQuery({ state: state === 'all' ? ('' as const) : state, kind }, pageToken),
          },
        }),
      ).then((r) => ({ items: r.mismatches, total: r.total, nextPageToken: r.nextPageToken })),
    [state, kind, round],
  );
  const filter = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Radio.Group
        aria-label="处理状态"
        optionType="button"
        value={state}
        onChange={(e) => set({ state: e.target.value as string })}
        options={[
          { value: 'open', label: '待处理' },
          { value: 'resolved', label: '已处理' },
          { value: 'all', label: '全部' },
        ]}
      />
      <Select<MismatchKind | ''>
        aria-label="差异类型"
        style={{ minWidth: 220 }}
        value={kind}
        onChange={(v) => set({ kind: v })}
        options={[{ value: '', label: '全部差异类型' }, ...KINDS.map((k) => ({ value: k, label: MISMATCH_KIND[k] }))]}
      />
    </Space>
  );
  return (
    <>
      <PagedTable<Mismatch>
        paged={paged}
        filter={filter}
        loadingText="正在读取对账差异…"
        emptyText="没有符合条件的对账差异"
        summary={(total) => `共 ${total} 项差异`}
        scrollX={1300}
        columns={[
          {
            title: '差异类型',
            key: 'kind',
            render: (_v, m) => (
              <Tag data-mismatch={m.kind} color={m.kind === 'fee_outside_center' ? 'red' : 'orange'}>
                {MISMATCH_KIND[m.kind as MismatchKind] ?? m.kind}
              </Tag>
            ),
          },
          { title: '清算日期', dataIndex: 'settlementDate' },
          { title: '缴款码', dataIndex: 'paymentCode' },
          { title: '缴款通知书', key: 'notice', render: (_v, m) => m.noticeNumber || '—' },
          { title: '办件编号', key: 'case', render: (_v, m) => m.caseNumber || '—' },
          { title: '银行流水号', key: 'txn', render: (_v, m) => m.bankTxnId || '—' },
          { title: '收入项目编码', key: 'revenue', render: (_v, m) => m.revenueCode || '—' },
          {
            title: '应缴',
            key: 'expected',
            align: 'right',
            render: (_v, m) => (m.expectedFen ? yuan(m.expectedFen) : '—'),
          },
          {
            title: '对账单',
            key: 'statement',
            align: 'right',
            render: (_v, m) => (m.statementFen ? yuan(m.statementFen) : '—'),
          },
          { title: '说明', dataIndex: 'detail' },
          {
            title: '处理',
            key: 'act',
            render: (_v, m) =>
              m.state === 'resolved' ? (
                <span>
                  已处理：{m.resolutionNote}（{m.resolvedBy}）
                </span>
              ) : resolves ? (
                <Button size="small" onClick={() => setResolving(m)}>
                  处理
                </Button>
              ) : (
                '待处理'
              ),
          },
        ]}
      />
      {resolving ? (
        <ResolveDialog
          row={resolving}
          onClose={() => setResolving(undefined)}
          onDone={() => {
            setResolving(undefined);
            paged.first.reload();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * 对账: the finance reconciler imports the bank's statement of a day and works through the mismatches it found; fees
 * collected outside the center and slips never confirmed also go to supervision.
 */
export default function Reconciliation({ me }: { me: Loaded<Profile | undefined> }) {
  const [round, setRound] = useState(0);
  return (
    <StaffPage title="对账" me={me}>
      {(staff) => (
        <>
          {staff.roles.includes('finance_reconciler') ? <ImportCard onImported={() => setRound((r) => r + 1)} /> : null}
          <MismatchList staff={staff} round={round} />
        </>
      )}
    </StaffPage>
  );
}
