import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Form, Radio, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import { chosen } from '../../shared/chosen';
import { ComplaintAttachmentsField } from '../../shared/complaint-attachments';
import { COMPLAINT_FIELDS, ComplaintFields, complaintStart, fileComplaint } from '../../shared/complaint-form';
import type { CaseTarget, ComplaintValues } from '../../shared/complaint-form';
import { COMPLAINT_CHANNEL, STAFF_CHANNELS, type StaffChannel } from '../../shared/complaint-format';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { idempotencyKey } from '../../portal/common/form-problem';
import { ActCard } from '../escalations/ActCard';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
interface Values extends ComplaintValues {
  channel: StaffChannel;
}

/** What the page says above the form: who enters, where it goes, the clocks, the number to pass on. */
const GUIDANCE =
  '接到来访、来电、来信或意见箱中的投诉，由首问责任人（登记人）如实登记，按类别转效能监察室、法制办窗口或综合协调办公室办理；' +
  '应在1个工作日内受理、受理后5个工作日内答复投诉人。登记后请将投诉编号告知投诉人。';

/**
 * The history state of the complaint's page right after it was entered here: ComplaintPage then shows the number and
 * the clock for the 首问责任人 to tell the complainant.
 */
export interface Recorded {
  recorded: true;
}

function RecordForm({ staff, caseTarget }: { staff: Staff; caseTarget?: CaseTarget }) {
  const navigate = useNavigate();
  // One request id for this filled-in form: a second press after a lost answer records nothing twice.
  const [requestId] = useState(() => idempotencyKey('complaint'));
  const initialValues = useMemo<Partial<Values>>(() => complaintStart(caseTarget), [caseTarget]);
  return (
    <ActCard<Values>
      title="来访、来电、来信和意见箱投诉"
      fields={['channel', ...COMPLAINT_FIELDS]}
      button="登记"
      done="已登记"
      initialValues={initialValues}
      act={async (v) => {
        const filed = await fileComplaint(staff.tenant, v, requestId, v.channel);
        const state: Recorded = { recorded: true };
        void navigate(`/complaints/${filed.id}`, { state });
      }}
    >
      <Form.Item name="channel" label="受理渠道" rules={chosen('请选择受理渠道')}>
        <Radio.Group options={STAFF_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL[c] }))} />
      </Form.Item>
      <ComplaintFields tenant={staff.tenant} caseTarget={caseTarget} by="staff" />
      <ComplaintAttachmentsField tenant={staff.tenant} />
    </ActCard>
  );
}

/** The case named in the address (`?case=`, from the case's page), read for its number and item. */
function useCaseTarget(caseId: string): Loaded<CaseTarget | undefined> {
  return useLoad(
    () =>
      caseId
        ? call(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })).then((c) => ({
            id: c.id,
            label: `${c.caseNumber ?? '尚未编号'}（${c.itemName}）`,
          }))
        : Promise.resolve(undefined),
    [caseId],
  );
}

function Record({ staff }: { staff: Staff }) {
  const [params] = useSearchParams();
  const caseId = params.get('case') ?? '';
  const target = useCaseTarget(caseId);
  if (target.error) return <ErrorAlert error={target.error} onRetry={target.reload} />;
  if (caseId && !target.data) return <Loading text="正在读取办件…" />;
  return (
    <>
      <Typography.Paragraph type="secondary">{GUIDANCE}</Typography.Paragraph>
      <RecordForm staff={staff} caseTarget={target.data} />
    </>
  );
}

/** 登记投诉: a complaint received in person, by phone, by letter or from the suggestion box, entered by its 首问责任人. */
export default function RecordComplaint({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="登记投诉" me={me} extra={<Link to="/complaints">返回投诉处理</Link>}>
      {(staff) => <Record staff={staff} />}
    </StaffPage>
  );
}
