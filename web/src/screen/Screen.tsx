import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../shared/api';
import { tenantOf, useAuth } from '../shared/auth';
import { useLoad } from '../shared/states';
import { SIGNAL_NAMES } from '../supervision/labels';
import { useLiveOverview } from '../supervision/use-live-overview';
import type { LiveStatus } from '../supervision/live';
import type { Clock, SignalLevel } from '../supervision/types';
import { maskName, onTimeRate, windowTiles } from './screen-state';

const COLORS: Record<SignalLevel, string> = { none: '#e6f4ff', warning: '#91caff', yellow: '#ffe58f', red: '#ffa39e' };
/** Rows shown at once; the list moves on by one row this often, so every case passes in turn. */
const ROWS = 12;
const STEP_MS = 3_000;

/** Today's figures are read again this long after the last live change (changes come in bursts), or each minute. */
const REREAD_AFTER_CHANGE_MS = 1_000;
const REREAD_EVERY_MS = 60_000;

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <div style={{ background: '#0f3b7a', borderRadius: 8, padding: '16px 24px' }}>
      <div style={{ fontSize: 20 }}>{label}</div>
      <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.1 }}>{value}</div>
    </div>
  );
}

/**
 * Whether the screen is live, in words large enough to read from the hall: a dropped feed says so until it is back
 * (the figures and the list are read again then, the feed having no resume point).
 */
function ScreenStatus({ status }: { status: LiveStatus }) {
  // Between two attempts the feed is "connecting" again: still a dropped connection to whoever looks at the screen.
  const [dropped, setDropped] = useState(false);
  useEffect(() => {
    if (status.state !== 'connecting') setDropped(status.state === 'retrying');
  }, [status]);
  const [text, background] =
    status.state === 'open'
      ? ['实时更新中', '#237804']
      : status.state === 'retrying' || dropped
        ? ['连接中断，正在重连', '#ad4e00']
        : ['正在连接实时推送…', '#434343'];
  return (
    <span role="status" style={{ background, color: '#fff', borderRadius: 4, padding: '2px 12px', marginLeft: 12 }}>
      {text}
    </span>
  );
}

/**
 * 大屏: the hall's big screen, read from a distance without anyone touching it: today's figures, the open cases
 * scrolling by (applicants' names masked), each window's status; kept up to date by the live feed.
 */
export default function Screen() {
  const { state, error, status, reload } = useLiveOverview({ hall: true });
  const { user } = useAuth();
  const tenant = tenantOf(user);
  // Each window's duty today (who serves it), read with the figures.
  const duty = useLoad(
    () =>
      tenant
        ? call(api.GET('/api/v1/identity/tenants/{code}/windows/on-duty', { params: { path: { code: tenant } } }))
        : Promise.resolve({ windows: [] }),
    [tenant],
  );
  const [lastDuty, setLastDuty] = useState(duty.data);
  useEffect(() => {
    if (duty.data) setLastDuty(duty.data);
  }, [duty.data]);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setOffset((o) => o + 1), STEP_MS);
    return () => clearInterval(t);
  }, []);
  // Today's figures (GetHallToday): counted by supervision, "today" by its clock; read again after live changes.
  const today = useLoad(() => call(api.GET('/api/v1/supervision/hall-today', {})), []);
  const reloadToday = today.reload;
  const reloadDuty = duty.reload;
  useEffect(() => {
    const t = setTimeout(reloadToday, state ? REREAD_AFTER_CHANGE_MS : REREAD_EVERY_MS);
    const every = setInterval(() => {
      reloadToday();
      reloadDuty();
    }, REREAD_EVERY_MS);
    return () => {
      clearTimeout(t);
      clearInterval(every);
    };
  }, [state]); // read again when the live state changes
  // A failed first read is tried again by itself: nobody is there to press a button.
  useEffect(() => {
    if (!error) return;
    const t = setTimeout(reload, 30_000);
    return () => clearTimeout(t);
  }, [error, reload]);
  const clocks = useMemo(() => [...(state?.clocks.values() ?? [])], [state]);
  // A failed re-read (the gateway away a moment) keeps the last figures up: a wall of dashes tells nobody anything.
  const [lastFigures, setLastFigures] = useState(today.data);
  useEffect(() => {
    if (today.data) setLastFigures(today.data);
  }, [today.data]);
  const figures = today.data ?? lastFigures;
  const tiles = windowTiles((duty.data ?? lastDuty)?.windows ?? [], figures?.windows ?? []);
  const sorted = useMemo(
    () => [...clocks].sort((a, b) => (a.receivedDate ?? '').localeCompare(b.receivedDate ?? '') * -1),
    [clocks],
  );
  const shown: Clock[] =
    sorted.length <= ROWS ? sorted : Array.from({ length: ROWS }, (_, i) => sorted[(offset + i) % sorted.length]!);
  return (
    <main style={{ background: '#06214a', color: '#fff', minHeight: '100vh', padding: 24, fontSize: 20 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}>
        <h1 style={{ color: '#fff', fontSize: 36, margin: 0 }}>政务服务大厅 · 办件实时情况</h1>
        <div>
          {figures?.date ?? ''}
          <ScreenStatus status={status} />
        </div>
      </header>
      {error || (today.error && !figures) ? <p role="alert">数据暂时无法读取，稍后自动重试。</p> : null}
      <section
        aria-label="今日办件"
        style={{
          display: 'grid',
          gap: 16,
          gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          margin: '24px 0',
        }}
      >
        <Figure label="今日收件" value={figures?.received ?? '—'} />
        <Figure label="今日受理" value={figures?.accepted ?? '—'} />
        <Figure label="今日办结" value={figures?.completed ?? '—'} />
        <Figure label="按时办结率" value={figures ? onTimeRate(figures) : '—'} />
        <Figure label="在办件" value={figures?.open ?? '—'} />
        <Figure label="已超期" value={figures?.overdue ?? '—'} />
        <Figure label="红牌" value={figures?.openRed ?? '—'} />
        <Figure label="黄牌" value={figures?.openYellow ?? '—'} />
      </section>
      <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <section aria-label="在办件">
          <h2 style={{ color: '#fff', fontSize: 26 }}>在办件</h2>
          {/* A narrow screen scrolls the table across rather than breaking names one character a line. */}
          {/* Focusable, so the scroll can be reached from a keyboard too (WCAG 2.1.1; axe scrollable-region-focusable). */}
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="办件列表">
            <table className="screen-table" aria-live="off">
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th scope="col">办件编号</th>
                  <th scope="col">申请人</th>
                  <th scope="col">事项</th>
                  <th scope="col">剩余</th>
                  <th scope="col">信号</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.matterId} style={{ borderTop: '1px solid #1d4d8f' }}>
                    <td>{c.caseNumber}</td>
                    <td>{maskName(c.applicantName)}</td>
                    <td>{c.itemName}</td>
                    <td>
                      {c.promised?.remainingWorkingDays === undefined
                        ? '—'
                        : c.promised.remainingWorkingDays < 0
                          ? `超期${-c.promised.remainingWorkingDays}天`
                          : `${c.promised.remainingWorkingDays}天`}
                    </td>
                    <td>
                      <span style={{ background: COLORS[c.signal], color: '#000', padding: '0 8px', borderRadius: 4 }}>
                        {SIGNAL_NAMES[c.signal]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length === 0 ? <p>当前没有在办件。</p> : null}
        </section>
        <section aria-label="窗口状态">
          <h2 style={{ color: '#fff', fontSize: 26 }}>窗口状态</h2>
          <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12 }}>
            {tiles.map((w) => (
              <li key={w.id} style={{ background: '#0f3b7a', borderRadius: 8, padding: '12px 16px' }}>
                <div style={{ fontSize: 24, fontWeight: 700 }}>{w.title}</div>
                <div>
                  {w.servedBy ? `当班：${w.servedBy}` : '当班：—'}{' '}
                  <span
                    style={{
                      background: w.serving ? '#237804' : '#595959',
                      borderRadius: 4,
                      margin: '0 12px',
                      padding: '0 8px',
                    }}
                  >
                    {w.dutyText}
                  </span>{' '}
                  在办 {w.open} 件{' '}
                  <span
                    style={{
                      background: COLORS[w.worstSignal],
                      color: '#000',
                      padding: '0 8px',
                      borderRadius: 4,
                      marginLeft: 12,
                    }}
                  >
                    {w.worstSignal === 'none' ? '正常' : `有${SIGNAL_NAMES[w.worstSignal]}`}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
