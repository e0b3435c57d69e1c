import { useState } from 'react';
import { Alert, Button, Form, Input, Popconfirm, Radio, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import { chinaToday, DAY_KIND, yearGrid, type GridDay } from './calendar-grid';
import { showOnForm } from './form-errors';
import { radioGroup } from './NativeSelect';
import { TenantSwitch, useOrgTenant } from './tenant';
import type { CalendarDayKind } from './types';
import { FormErrors } from './FormErrors';

/** Colours with text at 4.5:1 or more on their ground (WCAG AA). */
const DAY_STYLE: Record<CalendarDayKind, { background: string; color: string }> = {
  workday: { background: '#fff', color: 'rgba(0,0,0,0.88)' },
  weekend: { background: '#f0f0f0', color: 'rgba(0,0,0,0.7)' },
  holiday: { background: '#fff1f0', color: '#a8071a' },
  makeup_workday: { background: '#fff7e6', color: '#873800' },
  local_holiday: { background: '#f9f0ff', color: '#22075e' },
  local_workday: { background: '#e6f4ff', color: '#003eb3' },
};
const MARK: Partial<Record<CalendarDayKind, string>> = {
  holiday: '休',
  makeup_workday: '班',
  local_holiday: '休',
  local_workday: '班',
};
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

interface OverrideForm {
  date: string;
  working: 'true' | 'false';
  reason: string;
}
const FIELDS = ['date', 'working', 'reason'];

function DayCell({ day }: { day: GridDay | null }) {
  if (!day) return <td />;
  const style = DAY_STYLE[day.kind];
  const mark = MARK[day.kind];
  const title = `${day.date} ${DAY_KIND[day.kind]}${day.name ? `：${day.name}` : ''}`;
  return (
    <td
      title={title}
      style={{
        ...style,
        textAlign: 'center',
        padding: '2px 0',
        fontSize: 13,
        border: day.kind.startsWith('local') ? `1px solid ${style.color}` : '1px solid transparent',
      }}
    >
      {day.day}
      {mark ? <sup style={{ fontSize: 10, marginLeft: 1 }}>{mark}</sup> : null}
    </td>
  );
}

/** 工作日历: the tenant's year with holidays, make-up working days and local overrides; setting and removing overrides. */
export default function CalendarPage() {
  const { current, editable } = useOrgTenant();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const calendar = useLoad(
    () =>
      call(
        api.GET('/api/v1/catalogue/calendars/{tenant}/{year}', { params: { path: { tenant: current.code, year } } }),
      ),
    [current.code, year],
  );
  const [form] = Form.useForm<OverrideForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (v: OverrideForm) => {
    setBusy(true);
    setErrors([]);
    setSaved(undefined);
    try {
      await call(
        api.PUT('/api/v1/catalogue/calendars/{tenant}/overrides/{date}', {
          params: { path: { tenant: current.code, date: v.date } },
          body: { working: v.working === 'true', reason: v.reason.trim() },
        }),
      );
      setSaved(`已将 ${v.date} 设为${v.working === 'true' ? '本地上班日' : '本地放假日'}。`);
      form.resetFields();
      calendar.reload();
    } catch (error) {
      setErrors(showOnForm(form, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (date: string) => {
    setErrors([]);
    setSaved(undefined);
    try {
      await call(
        api.DELETE('/api/v1/catalogue/calendars/{tenant}/overrides/{date}', {
          params: { path: { tenant: current.code, date } },
        }),
      );
      setSaved(`已取消 ${date} 的本地调整。`);
      calendar.reload();
    } catch (error) {
      setErrors(showOnForm(form, error, []));
    }
  };

  const data = calendar.data;
  return (
    <>
      <PageTitle
        title="工作日历"
        extra="办理时限按工作日计算：国家法定节假日和调休由国务院办公厅公布，本中心可设置本地放假日或本地上班日。"
      />
      <TenantSwitch />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <label htmlFor="calendar-year">年份</label>
        <select
          id="calendar-year"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          style={{ height: 32, padding: '0 8px', border: '1px solid #d9d9d9', borderRadius: 4 }}
        >
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
        {data ? <span>全年工作日 {data.workingDays} 天</span> : null}
      </div>
      {calendar.error ? <ErrorAlert error={calendar.error} onRetry={calendar.reload} /> : null}
      {data && !data.published ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`国务院办公厅尚未公布 ${year} 年的放假安排：暂按周一至周五工作并扣除法定节假日计算，调休公布后期限可能变化。`}
        />
      ) : null}

      {editable ? (
        <Panel title="设置本地调整">
          <Form
            form={form}
            name="override"
            layout="vertical"
            requiredMark
            initialValues={{ working: 'false' }}
            onFinish={(v) => void save(v)}
            style={{ maxWidth: 640 }}
          >
            <Form.Item
              name="date"
              label="日期"
              extra={`只能设置今天（${today}）以后、当前所选 ${year} 年内的日期`}
              rules={[
                { required: true, message: '请选择日期' },
                {
                  validator: async (_, value?: string) => {
                    if (value && !value.startsWith(`${year}-`)) {
                      throw new Error(`请选择 ${year} 年内的日期；其他年份请先在上方切换年份`);
                    }
                  },
                },
              ]}
            >
              <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
            </Form.Item>
            <Form.Item name="working" label="调整为" rules={[{ required: true, message: '请选择调整为放假还是上班' }]}>
              <Radio.Group {...radioGroup('调整为')}>
                <Radio value="false">本地放假（不计入工作日）</Radio>
                <Radio value="true">本地上班（计入工作日）</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="reason"
              label="原因"
              extra="显示为当天的名称，如“三月三（壮族传统节日）”"
              rules={[
                { required: true, whitespace: true, message: '请填写原因' },
                { min: 2, max: 50, message: '原因应为2至50个字' },
              ]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <FormErrors errors={errors} />
            {saved ? (
              <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={saved} />
            ) : null}
            <Button type="primary" htmlType="submit" loading={busy}>
              保存本地调整
            </Button>
          </Form>
        </Panel>
      ) : null}

      <Panel title={`${year} 年本地调整`}>
        {calendar.loading && !data ? (
          <Loading />
        ) : data && data.overrides.length > 0 ? (
          <Table
            rowKey="date"
            size="small"
            pagination={false}
            dataSource={data.overrides}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '日期', dataIndex: 'date' },
              {
                title: '调整为',
                dataIndex: 'working',
                render: (working: boolean) =>
                  working ? <Tag color="blue">本地上班</Tag> : <Tag color="purple">本地放假</Tag>,
              },
              { title: '原因', dataIndex: 'reason' },
              ...(editable
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      render: (_: unknown, o: { date: string }) =>
                        o.date >= today ? (
                          <Popconfirm
                            title={`取消 ${o.date} 的本地调整？`}
                            okText="确定取消"
                            cancelText="保留"
                            onConfirm={() => remove(o.date)}
                          >
                            <Button size="small" aria-label={`取消调整：${o.date}`}>
                              取消调整
                            </Button>
                          </Popconfirm>
                        ) : (
                          <span>已过去</span>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        ) : data ? (
          <EmptyState text={`${year} 年没有本地调整，全部按国家安排执行。`} />
        ) : null}
      </Panel>

      <Panel title={`${year} 年日历`}>
        <ul aria-label="图例" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}>
          {(Object.keys(DAY_STYLE) as CalendarDayKind[]).map((k) => (
            <li key={k} style={{ ...DAY_STYLE[k], padding: '2px 8px', border: '1px solid #d9d9d9', borderRadius: 4 }}>
              {DAY_KIND[k]}
              {MARK[k] ? `（${MARK[k]}）` : ''}
            </li>
          ))}
        </ul>
        {data ? (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 16 }}>
            {yearGrid(data).map((m) => (
              <table
                key={m.month}
                style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 2 }}
              >
                <caption style={{ fontWeight: 600, textAlign: 'left', paddingBottom: 4 }}>{m.month} 月</caption>
                <thead>
                  <tr>
                    {WEEKDAYS.map((w) => (
                      <th key={w} scope="col" style={{ fontWeight: 400, fontSize: 12 }}>
                        {w}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.weeks.map((w, i) => (
                    <tr key={i}>
                      {w.map((d, j) => (
                        <DayCell key={d?.date ?? `x${j}`} day={d} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        ) : calendar.loading ? (
          <Loading />
        ) : null}
      </Panel>
    </>
  );
}
