import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from 'antd';
import { useAuth } from '../../shared/auth';
import { PageTitle } from '../../shared/layout';
import { FileComplaint } from '../complaints/FileComplaint';
import { MyComplaints } from '../complaints/MyComplaints';
import { ComplaintChannel, PublishedOutcomes } from '../complaints/PublicComplaintInfo';
import { useTenant } from '../tenant';
import { TenantChoice } from '../common/tenant-choice';

/**
 * 投诉和举报: where to complain (the channel, C14), the form, the signed-in person's complaints with the answers to
 * vote on, and the answered complaints made public (C12). From a case's page the complaint is about that case, in its
 * tenant.
 */
export default function Complaints() {
  const { current } = useTenant();
  const { user } = useAuth();
  const [params] = useSearchParams();
  const [filed, setFiled] = useState(0);
  const caseId = params.get('case');
  const caseTarget = caseId ? { id: caseId, label: params.get('label') ?? '' } : undefined;
  const tenant = (caseTarget && params.get('tenant')) || current?.code;
  return (
    <>
      <PageTitle
        title="投诉和举报"
        extra="对窗口服务、办事效率、工作作风或行政执法有意见，可在此投诉；受理后5个工作日内答复，您可以对答复作出评价。"
      />
      {caseTarget ? null : <TenantChoice id="complaint-tenant" label="投诉的地区" />}
      {tenant ? (
        <>
          <ComplaintChannel tenant={tenant} />
          <FileComplaint
            key={`${tenant}.${caseId ?? ''}`}
            tenant={tenant}
            caseTarget={caseTarget}
            onFiled={() => setFiled((n) => n + 1)}
          />
          {user ? <MyComplaints filed={filed} /> : null}
          <PublishedOutcomes tenant={tenant} />
        </>
      ) : (
        <Alert type="info" showIcon message="请先选择投诉的地区" />
      )}
    </>
  );
}
