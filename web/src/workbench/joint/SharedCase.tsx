import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { JointDossier } from '../../api/types';
import { fileSize } from '../../shared/format';
import { APPLICANT_KIND } from '../../shared/labels';
import { Panel } from '../../shared/states';
import { useFileViewer } from '../case/FileViewer';
import { formEntries, type FormField } from '../form-fields';
import { FormEntries } from '../FormEntries';

type Material = JointDossier['materials'][number];

/**
 * A form (JSON text) as rows labelled by the item's form (`fields`; a path it does not name shows as itself): the paths
 * the form data holds (a part holds only its department's).
 */
function FormRows({ formData, fields, empty }: { formData: string; fields: FormField[]; empty: string }) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(formData);
  } catch {
    parsed = undefined;
  }
  return <FormEntries entries={formEntries(fields, parsed)} empty={empty} />;
}

/**
 * J14 / J11: what the signed-in department shares of a joint case — the applicant's base data, its part of the form
 * (every department's part and the whole form for the lead and the center), and the materials with their files,
 * opened with the member of staff's token. Each department's opinions are the review page's own table.
 */
export function SharedCase({
  reviewId,
  dossier,
  fields,
  ownDepartment,
  departmentName,
}: {
  reviewId: string;
  dossier: JointDossier;
  /** The fields of the item's form (its titles label the rows). */
  fields: FormField[];
  ownDepartment: string | undefined;
  departmentName: (code: string) => string;
}) {
  const view = useFileViewer();
  const a = dossier.applicant;
  const filePath = (fileId: string) => `/api/v1/joint-review/reviews/${reviewId}/files/${fileId}`;
  const whole = dossier.formData !== undefined;
  return (
    <>
      <Panel title="申请人基本信息">
        {a ? (
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label="申请人">
              {a.name}（{APPLICANT_KIND[a.kind]}）
            </Descriptions.Item>
            <Descriptions.Item label={a.kind === 'natural_person' ? '身份证号码' : '统一社会信用代码'}>
              {a.idCode}
            </Descriptions.Item>
            {a.legalRepresentative ? (
              <Descriptions.Item label="法定代表人">{a.legalRepresentative}</Descriptions.Item>
            ) : null}
            {a.agentName ? <Descriptions.Item label="经办人">{a.agentName}</Descriptions.Item> : null}
            {a.mobile ? <Descriptions.Item label="联系电话">{a.mobile}</Descriptions.Item> : null}
            {a.address ? <Descriptions.Item label="住所">{a.address}</Descriptions.Item> : null}
          </Descriptions>
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>暂时无法读取申请人信息。</Typography.Paragraph>
        )}
      </Panel>
      <Panel title={whole ? '各部门需审查的表单内容' : '本部门需审查的表单内容'}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {dossier.formParts.map((p) => (
            <div key={p.department}>
              {whole || p.department !== ownDepartment ? (
                <Typography.Title level={5}>{departmentName(p.department)}</Typography.Title>
              ) : null}
              <FormRows formData={p.formData} fields={fields} empty="申请表中没有需本部门审查的内容。" />
            </div>
          ))}
          {whole && dossier.formData ? (
            <details>
              <summary>完整申请表单</summary>
              <FormRows formData={dossier.formData} fields={fields} empty="申请人未填写表单内容。" />
            </details>
          ) : null}
        </Space>
      </Panel>
      <Panel title="申请材料">
        {view.viewer}
        <Table
          rowKey="materialId"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={dossier.materials}
          locale={{ emptyText: '没有标注给本部门的申请材料' }}
          columns={[
            { title: '材料名称', dataIndex: 'name' },
            {
              title: '文件',
              key: 'files',
              render: (_v, m: Material) => (
                <Space direction="vertical" size={4}>
                  {m.files.map((f) => (
                    <Button
                      key={f.id}
                      size="small"
                      loading={view.loading === filePath(f.id)}
                      onClick={() => void view.open(filePath(f.id), `${m.name}：${f.fileName}`, f.fileName)}
                    >
                      查看 {f.fileName}（{fileSize(f.size)}）
                    </Button>
                  ))}
                  {m.licenceNumber ? (
                    <span>
                      引用电子证照 {m.licenceNumber}{' '}
                      <Tag color={m.licenceValid ? 'green' : 'red'}>{m.licenceValid ? '核验有效' : '核验无效'}</Tag>
                    </span>
                  ) : null}
                  {m.files.length === 0 && !m.licenceNumber ? <Tag>未提交</Tag> : null}
                </Space>
              ),
            },
            {
              title: '需审查的部门',
              key: 'markedFor',
              render: (_v, m: Material) => m.markedFor.map(departmentName).join('、') || '—',
            },
          ]}
        />
      </Panel>
    </>
  );
}
