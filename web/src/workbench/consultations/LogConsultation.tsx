import { useState } from 'react';
import { Form, Input, Radio, Select } from 'antd';
import { api, call } from '../../shared/api';
import type { AskConsultationBody, Profile } from '../../api/types';
import { CONSULTATION_CHANNEL } from '../../shared/consultation-format';
import { useLoad } from '../../shared/states';
import { idempotencyKey } from '../../portal/common/form-problem';
import { ActCard } from '../escalations/ActCard';

type Staff = NonNullable<Profile['staff']>;
interface Values {
  channel: 'phone' | 'visit' | 'hotline';
  itemId: string;
  askerName?: string;
  question: string;
  answer: string;
}

/**
 * 登记咨询 (C17, C20): a phone, visit or hotline consultation answered at once under 首问负责, logged with the item it
 * was about (the department's published items) and the answer given.
 */
export function LogConsultation({ staff, onLogged }: { staff: Staff; onLogged: () => void }) {
  // The department's published items, 50 at a time: typing a name asks the catalogue's search.
  const [keyword, setKeyword] = useState('');
  const q = keyword.trim().length >= 2 ? keyword.trim() : '';
  const items = useLoad(
    () =>
      call(
        api.GET('/api/v1/catalogue/search', {
          params: {
            query: {
              tenant: staff.tenant,
              ...(staff.department ? { department: staff.department } : {}),
              ...(q ? { q } : {}),
              pageSize: 50,
            },
          },
        }),
      ).then((r) => r.items),
    [staff.tenant, staff.department, q],
  );
  return (
    <ActCard<Values>
      title="登记电话、来访或热线咨询"
      fields={['channel', 'itemId', 'askerName', 'question', 'answer']}
      button="登记"
      done="已登记"
      initialValues={{ channel: 'phone' }}
      act={async (v) => {
        const body: AskConsultationBody = {
          tenant: staff.tenant,
          kind: 'question',
          channel: v.channel,
          itemId: v.itemId ?? '',
          question: (v.question ?? '').trim(),
          answer: (v.answer ?? '').trim(),
          ...(v.askerName?.trim() ? { askerName: v.askerName.trim() } : {}),
          requestId: idempotencyKey('consultation-log'),
        };
        await call(api.POST('/api/v1/consultations', { body }));
        onLogged();
      }}
    >
      <Form.Item name="channel" label="渠道">
        <Radio.Group
          options={(['phone', 'visit', 'hotline'] as const).map((c) => ({ value: c, label: CONSULTATION_CHANNEL[c] }))}
        />
      </Form.Item>
      <Form.Item name="itemId" label="所咨询的事项">
        <Select
          showSearch
          filterOption={false}
          onSearch={setKeyword}
          loading={items.loading}
          placeholder="选择事项"
          options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      <Form.Item name="askerName" label="咨询人姓名（可不填）">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="question" label="咨询内容">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="answer" label="当场答复（申报条件、材料、程序、时限和收费）">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </ActCard>
  );
}
