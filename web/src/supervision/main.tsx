import { lazy } from 'react';
import { Route } from 'react-router';
import { startApp } from '../shared/bootstrap';
import { ConsoleApp } from '../shared/console-app';
import { InboxNavLabel, StaffInbox } from '../shared/staff-inbox';

// Each page its own chunk: the overview carries ECharts, the forms antd's heavier inputs.
const Overview = lazy(() => import('./Overview'));
const Signals = lazy(() => import('./Signals'));
const ClockPage = lazy(() => import('./ClockPage'));
const ViolationList = lazy(() => import('./Violations').then((m) => ({ default: m.ViolationList })));
const ViolationDetail = lazy(() => import('./Violations').then((m) => ({ default: m.ViolationDetail })));
const InspectionForm = lazy(() => import('./InspectionForm'));
const AccountabilityPage = lazy(() => import('./Accountability'));
const ThresholdsPage = lazy(() => import('./Thresholds'));
const Reports = lazy(() => import('./Reports'));
const ScoringPage = lazy(() => import('./Scoring'));
const Dashboard = lazy(() => import('./Dashboard'));
const Orders = lazy(() => import('./Orders'));
const OrderForm = lazy(() => import('./OrderForm'));
const OrderDetail = lazy(() => import('./OrderDetail'));
const ComplaintFigures = lazy(() => import('./ComplaintFigures'));
const SatisfactionPage = lazy(() => import('./Satisfaction'));

const NAV = [
  { to: '/', label: '监察概览' },
  { to: '/signals', label: '信号' },
  { to: '/violations', label: '违规' },
  { to: '/orders', label: '督办' },
  { to: '/inspections/new', label: '日检查' },
  { to: '/accountability', label: '责任追究' },
  { to: '/thresholds', label: '预警规则' },
  { to: '/reports', label: '统计报表' },
  { to: '/complaints', label: '投诉统计' },
  { to: '/satisfaction', label: '满意度' },
  { to: '/scoring', label: '考核标准' },
  { to: '/dashboard', label: '领导驾驶舱' },
  { to: '/messages', label: <InboxNavLabel /> },
];

/** A message's matter in the console: an order's page, or the case's clock. */
const linkOf = (matterId: string) => (matterId.startsWith('ord-') ? `/orders/${matterId}` : `/clocks/${matterId}`);

/** The supervisor's console (电子监察), its own app at /supervision/ (ADR 0039 for its live feed). */
function SupervisionApp() {
  return (
    <ConsoleApp appName="电子监察" nav={NAV} why="电子监察仅供监察人员使用，请先登录。">
      <Route path="/" element={<Overview />} />
      <Route path="/signals" element={<Signals />} />
      <Route path="/clocks/:matterId" element={<ClockPage />} />
      <Route path="/violations" element={<ViolationList />} />
      <Route path="/violations/:id" element={<ViolationDetail />} />
      <Route path="/inspections/new" element={<InspectionForm />} />
      <Route path="/accountability" element={<AccountabilityPage />} />
      <Route path="/thresholds" element={<ThresholdsPage />} />
      <Route path="/reports" element={<Reports />} />
      <Route path="/complaints" element={<ComplaintFigures />} />
      <Route path="/satisfaction" element={<SatisfactionPage />} />
      <Route path="/scoring" element={<ScoringPage />} />
      <Route path="/dashboard" element={<Dashboard />} />
      <Route path="/orders" element={<Orders />} />
      <Route path="/orders/new" element={<OrderForm />} />
      <Route path="/orders/:id" element={<OrderDetail canClose />} />
      <Route path="/messages" element={<StaffInbox linkOf={linkOf} />} />
    </ConsoleApp>
  );
}

startApp('supervision', () => <SupervisionApp />);
