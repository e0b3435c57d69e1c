import { Link, useParams } from 'react-router';
import { Descriptions, Form, Input, Space, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Consultation, Profile } from '../../api/types';
import {
  CONSULTATION_CHANNEL,
  CONSULTATION_STATUS,
  CONSULTATION_STATUS_COLOR,
  CONSULTATION_VISIBILITY,
  consultationActs,
  consultationSubject,
} from '../../shared/consultation-format';
import { dateTime } from '../../shared/format';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { ActCard } from '../escalations/ActCard';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
const path = (id: string) => ({ params: { path: { id } } });

function Summary({ c }: { c: Consultation }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      style={{ marginBottom: 16 }}
    >
      <Descriptions.Item label="编号">{c.number}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Space wrap>
          <Tag color={CONSULTATION_STATUS_COLOR[c.status]}>{CONSULTATION_STATUS[c.status]}</Tag>
          {c.faq ? <Tag color="blue">已整理为常见问题</Tag> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="事项">{consultationSubject(c)}</Descriptions.Item>
      <Descriptions.Item label="渠道">
        {CONSULTATION_CHANNEL[c.channel]}
        {c.kind === 'question' ? `，${CONSULTATION_VISIBILITY[c.visibility]}` : ''}
        {c.loggedBy ? `（登记人 ${c.loggedBy}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="咨询人">{c.askerName || '网上用户'}</Descriptions.Item>
      <Descriptions.Item label="提出时间">{dateTime(c.askedAt)}</Descriptions.Item>
      <Descriptions.Item label="咨询内容" span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{c.question}</span>
      </Descriptions.Item>
      {c.answer ? (
        <Descriptions.Item label="答复" span={2}>
          <Space direction="vertical" size={0}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.answer.text}</span>
            <span>
              {c.answer.answererName || c.answer.answeredBy}，{dateTime(c.answer.answeredAt)}
            </span>
          </Space>
        </Descriptions.Item>
      ) : null}
      {c.faq ? (
        <Descriptions.Item label="常见问题" span={2}>
          问：{c.faq.question}；答：{c.faq.answer}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function AnswerCard({ c, onDone }: { c: Consultation; onDone: () => void }) {
  return (
    <ActCard<{ text: string }>
      title={c.kind === 'mailbox' ? '答复来信' : '答复咨询'}
      fields={['text']}
      button="提交答复"
      done="已答复"
      act={async (v) => {
        await call(
          api.POST('/api/v1/consultations/{id}/answer', {
            ...path(c.id),
            body: { text: (v.text ?? '').trim(), expectedVersion: c.version },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="text" label="答复内容（告知咨询人）">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
      </Form.Item>
    </ActCard>
  );
}

function CurateCard({ c, onDone }: { c: Consultation; onDone: () => void }) {
  return (
    <ActCard<{ question: string; answer: string }>
      title="整理为事项的常见问题"
      fields={['question', 'answer']}
      button={c.faq ? '更新常见问题' : '加入常见问题'}
      done="已加入常见问题，办事指南中可见"
      initialValues={{ question: c.faq?.question ?? c.question, answer: c.faq?.answer ?? c.answer?.text ?? '' }}
      act={async (v) => {
        await call(
          api.POST('/api/v1/consultations/{id}/faq', {
            ...path(c.id),
            body: { question: (v.question ?? '').trim(), answer: (v.answer ?? '').trim(), expectedVersion: c.version },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="question" label="问题（可改写，去掉个人信息）">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="answer" label="解答">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActCard>
  );
}

function ConsultationView({ id, staff }: { id: string; staff: Staff }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/consultations/{id}', path(id))), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取咨询…" />;
  const c = loaded.data.consultation;
  const acts = consultationActs({ roles: staff.roles, department: staff.department ?? '' }, c);
  return (
    <>
      <Summary c={c} />
      {acts.answer ? <AnswerCard c={c} onDone={loaded.reload} /> : null}
      {acts.curate ? <CurateCard key={c.version} c={c} onDone={loaded.reload} /> : null}
    </>
  );
}

/** One consultation: the question, the answer, and what the member of staff may do with it. */
export default function ConsultationPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage title="咨询答复" me={me} extra={<Link to="/consultations">返回列表</Link>}>
      {(staff) => <ConsultationView id={id} staff={staff} />}
    </StaffPage>
  );
}
