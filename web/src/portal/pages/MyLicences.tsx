import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, MoreButton, useLoad, usePaged } from '../../shared/states';
import type { Licence } from '../common/types';
import { IN_TEXT_LINK } from '../common/form-problem';
import { CompanySelect } from '../common/company-select';

function LicenceCard({ l }: { l: Licence }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>{l.name}</span>
          {l.revoked ? <Tag color="red">已注销</Tag> : <Tag color="green">有效</Tag>}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="证照编号">{l.licenceNumber}</Descriptions.Item>
        <Descriptions.Item label="持证者">{l.holderName}</Descriptions.Item>
        <Descriptions.Item label="发证部门">{l.issuingDepartmentName}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {l.validFrom} 至 {l.validUntil ?? '长期'}
        </Descriptions.Item>
        <Descriptions.Item label="核验码">
          <Typography.Text strong copyable={{ text: l.verificationCode, tooltips: ['复制核验码', '已复制'] }}>
            {l.verificationCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="办理事项">
          {l.caseId ? <Link to={`/my/cases/${l.caseId}`}>{l.itemName}</Link> : l.itemName}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        他人可凭核验码在{' '}
        <Link to={`/verify?code=${l.verificationCode}`} style={IN_TEXT_LINK}>
          证照核验
        </Link>{' '}
        中查验此证照的真伪和状态。
      </Typography.Paragraph>
    </Card>
  );
}

function LicenceList({ onBehalfOf }: { onBehalfOf: string | undefined }) {
  const paged = usePaged<Licence>(
    (pageToken) =>
      call(
        api.GET('/api/v1/licences/mine', {
          params: {
            query: { pageSize: 20, ...(onBehalfOf ? { onBehalfOf } : {}), ...(pageToken ? { pageToken } : {}) },
          },
        }),
      ).then((r) => ({ items: r.licences, total: r.total, nextPageToken: r.nextPageToken })),
    [onBehalfOf],
  );
  if (paged.first.error) return <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} />;
  if (!paged.first.data) return <Loading text="正在读取电子证照…" />;
  if (paged.items.length === 0) return <EmptyState text="暂无电子证照。办件办结后，核发的证照会出现在这里。" />;
  return (
    <>
      <Typography.Paragraph type="secondary">共 {paged.total} 个证照</Typography.Paragraph>
      <div>
        {paged.items.map((l) => (
          <LicenceCard key={l.id} l={l} />
        ))}
      </div>
      <MoreButton paged={paged} />
    </>
  );
}

function Licences() {
  const profile = useLoad(() => call(api.GET('/api/v1/identity/me', {})), []);
  const [holder, setHolder] = useState<string>('');
  const companies = [...(profile.data?.heldLegalPersons ?? []), ...(profile.data?.agentFor ?? [])];
  return (
    <>
      {companies.length > 0 ? (
        <CompanySelect
          id="licence-holder"
          label="持证者"
          none="本人"
          companies={companies}
          value={holder}
          onChange={setHolder}
        />
      ) : null}
      <LicenceList onBehalfOf={holder || undefined} />
    </>
  );
}

/** 我的证照: the e-licences issued to the person (or to a company they hold or act for), with their codes. */
export default function MyLicences() {
  return (
    <>
      <PageTitle title="我的证照" extra="办件办结后核发的电子证照，凭核验码可查验真伪。" />
      <RequireLogin why="登录后可查看您的电子证照。">
        <Licences />
      </RequireLogin>
    </>
  );
}
