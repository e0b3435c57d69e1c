import { Button, DatePicker, message, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadWithToken } from '../shared/api';
import { messageOf } from '../shared/problem';

/** 日检查表: a day (not after today) and the button that downloads that day's daily check sheet PDF. */
export default function DailyCheckDownload() {
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadWithToken(`/api/v1/supervision/daily-checks/${date}.pdf`, `日检查表-${date}.pdf`);
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Space.Compact>
      <DatePicker
        aria-label="检查日期"
        allowClear={false}
        value={dayjs(date)}
        disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
        onChange={(d: Dayjs | null) => d && setDate(d.format('YYYY-MM-DD'))}
      />
      <Button loading={downloading} onClick={() => void download()}>
        下载日检查表
      </Button>
    </Space.Compact>
  );
}
