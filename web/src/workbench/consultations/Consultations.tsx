import { Link, useSearchParams } from 'react-router';
import { Radio, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Consultation, Profile } from '../../api/types';
import {
  CONSULTATION_CHANNEL,
  CONSULTATION_STATUS,
  CONSULTATION_STATUS_COLOR,
  CONSULTATION_VISIBILITY,
  consultationSubject,
} from '../../shared/consultation-format';
import { dateTime } from '../../shared/format';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { usePaged, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { LogConsultation } from './LogConsultation';

type Staff = NonNullable<Profile['staff']>;

function ConsultationQueue({ staff }: { staff: Staff }) {
  // The state filter is in the address (?status=), so the way back from a consultation keeps it.
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status') ?? 'open';
  const status = chosen === 'all' ? undefined : (chosen as Consultation['status']);
  const paged = usePaged<Consultation>(
    (pageToken) =>
      call(api.GET('/api/v1/consultations/queue', { params: { query: pageQuery({ status }, pageToken) } })).then(
        (r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken }),
      ),
    [chosen],
  );
  const center = staff.roles.includes('center_admin') || staff.roles.includes('supervisor');
  return (
    <>
      <Typography.Paragraph type="secondary">
        范围：{center ? '本地区全部咨询（含领导信箱）' : '本部门事项的咨询'}
        。网上咨询由事项所属部门答复，领导信箱由中心答复；已答复的公开咨询可由部门负责人整理为事项的常见问题。
      </Typography.Paragraph>
      {staff.department || center ? <LogConsultation staff={staff} onLogged={paged.first.reload} /> : null}
      <PagedTable<Consultation>
        paged={paged}
        filter={
          <Radio.Group
            aria-label="答复状态"
            optionType="button"
            style={{ marginBottom: 16 }}
            value={chosen}
            onChange={(e) => setParams(new URLSearchParams({ status: e.target.value as string }), { replace: true })}
            options={[
              { value: 'open', label: CONSULTATION_STATUS.open },
              { value: 'answered', label: CONSULTATION_STATUS.answered },
              { value: 'all', label: '全部' },
            ]}
          />
        }
        loadingText="正在读取咨询…"
        emptyText="没有符合条件的咨询"
        summary={(total) => `共 ${total} 件`}
        scrollX={1000}
        columns={[
          {
            title: '咨询',
            key: 'question',
            render: (_v, c) => (
              <Link to={`/consultations/${c.id}`}>
                {c.question.length > 30 ? `${c.question.slice(0, 30)}…` : c.question}
              </Link>
            ),
          },
          { title: '事项', key: 'subject', render: (_v, c) => consultationSubject(c) },
          { title: '渠道', key: 'channel', render: (_v, c) => CONSULTATION_CHANNEL[c.channel] },
          {
            title: '方式',
            key: 'visibility',
            render: (_v, c) => (c.kind === 'question' ? CONSULTATION_VISIBILITY[c.visibility] : '—'),
          },
          { title: '提出时间', key: 'askedAt', render: (_v, c) => dateTime(c.askedAt) },
          {
            title: '状态',
            key: 'status',
            render: (_v, c) => (
              <>
                <Tag color={CONSULTATION_STATUS_COLOR[c.status]}>{CONSULTATION_STATUS[c.status]}</Tag>
                {c.faq ? <Tag color="blue">已整理为常见问题</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** 咨询答复: the consultations the member of staff answers (or oversees), open ones first. */
export default function Consultations({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="咨询答复" me={me}>
      {(staff) => <ConsultationQueue staff={staff} />}
    </StaffPage>
  );
}
