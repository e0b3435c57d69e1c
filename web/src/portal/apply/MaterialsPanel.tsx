import { useRef, useState } from 'react';
import { Alert, Button, Card, List, Select, Space, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { api, call, downloadWithToken } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import type { Case, Material } from '../../api/types';
import { messageOf } from '../../shared/problem';
import { useLoad } from '../../shared/states';
import type { CaseMaterial } from '../common/types';
import { acceptOf, fileProblem, maxBytes, shownFormats, shownSize } from '../../shared/file-check';
import { uploadBatch, uploadMessage } from '../../shared/upload';

const fileUrl = (id: string) => `/api/v1/catalogue/files/${encodeURIComponent(id)}`;

export interface MaterialsProps {
  c: Case;
  specs: Material[];
  /** The one-time notice's (or the automatic pre-review's) words per material. */
  problems: Map<string, string[]>;
  editable: boolean;
  onCase: (c: Case) => void;
  /** How many files are on their way (the page waits for them before saving or submitting). */
  onBusy: (uploading: number) => void;
}

/** The licences the applicant (or the company the case is for) holds of `type`, to cite instead of a file. */
function CiteLicence(props: { c: Case; spec: Material; onCase: (c: Case) => void }) {
  const { c, spec } = props;
  const onBehalfOf = c.applicant.kind === 'natural_person' ? undefined : c.applicant.personId;
  const licences = useLoad(
    () =>
      call(
        api.GET('/api/v1/licences/mine', {
          params: { query: { pageSize: 100, ...(onBehalfOf ? { onBehalfOf } : {}) } },
        }),
      ),
    [onBehalfOf],
  );
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fitting = (licences.data?.licences ?? []).filter(
    (l) => l.licenceType === spec.satisfiedByLicenceType && !l.revoked,
  );
  const id = `cite-${spec.id}`;
  const cite = async () => {
    if (!chosen) return setError('请先选择要引用的证照');
    setBusy(true);
    setError(undefined);
    try {
      props.onCase(
        await call(
          api.POST('/api/v1/cases/{id}/materials/{materialId}/licence', {
            params: { path: { id: c.id, materialId: spec.id } },
            body: { licenceNumber: chosen, expectedVersion: c.version },
          }),
        ),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  if (licences.loading && !licences.data)
    return <Typography.Text type="secondary">正在查找可引用的电子证照…</Typography.Text>;
  if (fitting.length === 0) {
    return <Typography.Text type="secondary">证照库中没有可引用的此类证照，请上传材料。</Typography.Text>;
  }
  return (
    <div style={{ marginTop: 8 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        引用电子证照（无需上传）
      </label>
      <Space wrap>
        <Select
          id={id}
          style={{ minWidth: 260 }}
          placeholder="选择证照"
          value={chosen}
          onChange={setChosen}
          options={fitting.map((l) => ({ value: l.licenceNumber, label: `${l.name} ${l.licenceNumber}` }))}
        />
        <Button
          onClick={() => void cite()}
          loading={busy}
          aria-label={`引用证照：${spec.name}`}
          autoInsertSpace={false}
        >
          引用
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}

function MaterialRow(
  props: MaterialsProps & {
    spec: Material;
    index: number;
    held: CaseMaterial | undefined;
    queue: () => Promise<void>;
    setQueue: (p: Promise<void>) => void;
    version: () => number;
  },
) {
  const { c, spec, held, editable } = props;
  const { manager } = useAuth();
  const [refused, setRefused] = useState<string[]>([]);
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const [removeError, setRemoveError] = useState<string>();
  const rule = { name: spec.name, formats: spec.formats, maxSizeKb: spec.maxSizeKb };
  const problems = props.problems.get(spec.id) ?? [];
  const files = held?.files ?? [];
  const provided = files.length > 0 || held?.licence?.valid === true;

  // A removal waits for the uploads before it (and an upload for it): each changes the case's version.
  const remove = (fileId: string) => {
    setRemoveError(undefined);
    props.setQueue(
      props.queue().then(async () => {
        try {
          props.onCase(
            await call(
              api.DELETE('/api/v1/cases/{id}/materials/{materialId}/files/{fileId}', {
                params: {
                  path: { id: c.id, materialId: spec.id, fileId },
                  query: { expectedVersion: props.version() },
                },
              }),
            ),
          );
        } catch (e) {
          setRemoveError(messageOf(e));
        }
      }),
    );
  };

  const requirements = [
    spec.formats.length > 0 ? `${shownFormats(spec.formats)} 格式` : '无需电子件',
    spec.formats.length > 0 ? `单个文件不超过 ${shownSize(maxBytes(spec))}` : '',
  ].filter(Boolean);

  return (
    <List.Item style={{ display: 'block' }} data-material={spec.id}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
        <strong>
          {props.index + 1}. {spec.name}
        </strong>
        {spec.required ? <Tag color="red">必需</Tag> : <Tag>视情形提供</Tag>}
        {provided ? <Tag color="green">已提供</Tag> : null}
      </div>
      {spec.condition ? <Typography.Text type="secondary">{spec.condition}</Typography.Text> : null}
      {spec.notes ? (
        <div>
          <Typography.Text type="secondary">{spec.notes}</Typography.Text>
        </div>
      ) : null}
      <div style={{ color: 'rgba(0,0,0,0.65)', margin: '4px 0' }}>
        要求：{requirements.join('，')}
        {spec.blankFormFileId ? (
          <>
            {' '}
            ·{' '}
            <a href={fileUrl(spec.blankFormFileId)} style={{ textDecoration: 'underline' }}>
              下载空白表格
            </a>
          </>
        ) : null}
        {spec.sampleFileId ? (
          <>
            {' '}
            ·{' '}
            <a href={fileUrl(spec.sampleFileId)} style={{ textDecoration: 'underline' }}>
              查看示范文本
            </a>
          </>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          message="需要补正"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {held?.licence ? (
        <div>
          已引用电子证照：{held.licence.licenceNumber}（{held.licence.holderName}）
          {held.licence.valid ? <Tag color="green">有效</Tag> : <Tag color="red">无效</Tag>}
        </div>
      ) : null}
      {files.length > 0 ? (
        <ul
          className="material-files"
          aria-label={`${spec.name}已上传的文件`}
          style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}
        >
          {files.map((f) => (
            <li key={f.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() =>
                  downloadWithToken(`/api/v1/cases/${c.id}/files/${f.id}`, f.fileName).catch((e: unknown) =>
                    setRemoveError(messageOf(e)),
                  )
                }
              >
                {f.fileName}
              </Button>
              <Typography.Text type="secondary">{shownSize(f.size)}</Typography.Text>
              {editable ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => remove(f.id)}
                  aria-label={`删除 ${f.fileName}`}
                  autoInsertSpace={false}
                >
                  删除
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {removeError ? (
        <Alert type="error" showIcon role="alert" message={removeError} style={{ margin: '8px 0' }} />
      ) : null}
      {editable && spec.formats.length > 0 ? (
        <Upload
          multiple
          accept={acceptOf(spec.formats)}
          fileList={uploads}
          onChange={({ fileList }) => setUploads(fileList.filter((f) => f.status !== 'done'))}
          showUploadList={false}
          beforeUpload={(file, batch) => {
            const problem = fileProblem(file, rule);
            if (file === batch[0]) setRefused([]);
            if (problem) {
              setRefused((r) => [...r, problem]);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            const f = file as File;
            // One material's batch goes out file after file, and never beside another upload of the case.
            const next = props.queue().then(async () => {
              try {
                const user = await manager.getUser();
                const answer = await uploadBatch({
                  caseId: c.id,
                  materialId: spec.id,
                  files: [f],
                  token: user?.access_token,
                  onProgress: (percent) => onProgress?.({ percent }),
                });
                props.onCase(answer.case);
                onSuccess?.(answer);
              } catch (e) {
                setRefused((r) => [...r, uploadMessage(e, f.name)]);
                onError?.(e as Error);
                setUploads((u) => u.filter((x) => x.uid !== (file as UploadFile).uid));
              }
            });
            props.setQueue(next);
          }}
        >
          <Button aria-label={`选择文件上传：${spec.name}`}>选择文件上传</Button>
        </Upload>
      ) : null}
      {uploads.length > 0 ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
          {uploads.map((u) => (
            <li key={u.uid} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <span>{u.name}</span>
              <progress max={100} value={u.percent ?? 0} aria-label={`${u.name}上传进度`} />
              <Typography.Text type="secondary">正在上传 {Math.round(u.percent ?? 0)}%</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
      {refused.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ margin: '8px 0' }}
          message={refused.length === 1 ? refused[0] : '以下文件未能上传'}
          description={
            refused.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {refused.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {editable && spec.satisfiedByLicenceType && !held?.licence ? (
        <CiteLicence c={c} spec={spec} onCase={props.onCase} />
      ) : null}
    </List.Item>
  );
}

/** 申请材料: each material of the item with its requirements, the files given, uploads (checked first) and cites. */
export function MaterialsPanel(props: MaterialsProps) {
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  // The case's latest version, for a removal queued behind uploads that each change it.
  const version = useRef(props.c.version);
  if (props.c.version > version.current) version.current = props.c.version;
  const onCase = (next: Case) => {
    version.current = next.version;
    props.onCase(next);
  };
  const { onBusy } = props;
  const setQueue = (p: Promise<void>) => {
    pending.current += 1;
    onBusy(pending.current);
    queue.current = p.finally(() => {
      pending.current -= 1;
      onBusy(pending.current);
    });
  };
  return (
    <Card title="申请材料" style={{ marginBottom: 16 }}>
      {props.specs.length === 0 ? (
        '本事项无需提交材料'
      ) : (
        <List
          dataSource={props.specs}
          renderItem={(spec, index) => (
            <MaterialRow
              key={spec.id}
              {...props}
              onCase={onCase}
              spec={spec}
              index={index}
              held={props.c.materials.find((m) => m.materialId === spec.id)}
              queue={() => queue.current}
              version={() => version.current}
              setQueue={setQueue}
            />
          )}
        />
      )}
    </Card>
  );
}
