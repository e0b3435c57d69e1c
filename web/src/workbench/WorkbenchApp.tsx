import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { api, call } from '../shared/api';
import { LoginCallback, useAuth } from '../shared/auth';
import { Shell } from '../shared/layout';
import { InboxNavLabel } from '../shared/staff-inbox';
import { Loading, Notice, useLoad } from '../shared/states';
import { Queue } from './Queue';
import { mayReadMeetings } from './meetings/meeting-format';

const CasePage = lazy(() => import('./case/CasePage'));
const WalkIn = lazy(() => import('./WalkIn'));
const Overview = lazy(() => import('./overview/Overview'));
const Inbox = lazy(() => import('./Inbox'));
const OrderDetail = lazy(() => import('../supervision/OrderDetail'));
const JointTasks = lazy(() => import('./joint/JointTasks'));
const JointReviewPage = lazy(() => import('./joint/JointReviewPage'));
const Projects = lazy(() => import('./projects/Projects'));
const ProjectPage = lazy(() => import('./projects/ProjectPage'));
const Meetings = lazy(() => import('./meetings/Meetings'));
const MeetingPage = lazy(() => import('./meetings/MeetingPage'));
const FollowUps = lazy(() => import('./escalations/EscalationLists').then((m) => ({ default: m.FollowUps })));
const Received = lazy(() => import('./escalations/EscalationLists').then((m) => ({ default: m.Received })));
const EscalationPage = lazy(() => import('./escalations/EscalationPage'));
const DelegatedCases = lazy(() => import('./delegation/DelegatedCases'));
const DelegatedCasePage = lazy(() => import('./delegation/DelegatedCasePage'));
const Refunds = lazy(() => import('./finance/Refunds'));
const Collections = lazy(() => import('./finance/Collections'));
const Satisfaction = lazy(() => import('./satisfaction/Satisfaction'));
const Rectifications = lazy(() => import('./rectifications/Rectifications'));
const RectificationPage = lazy(() => import('./rectifications/RectificationPage'));
const Reconciliation = lazy(() => import('./finance/Reconciliation'));
const Complaints = lazy(() => import('./complaints/Complaints'));
const ComplaintPage = lazy(() => import('./complaints/ComplaintPage'));
const RecordComplaint = lazy(() => import('./complaints/RecordComplaint'));
const Consultations = lazy(() => import('./consultations/Consultations'));
const ConsultationPage = lazy(() => import('./consultations/ConsultationPage'));
const LiveDesk = lazy(() => import('./live/LiveDesk'));

const NAV = [
  { to: '/', label: '概览' },
  { to: '/queue', label: '工作队列' },
  { to: '/walk-in', label: '窗口登记' },
  { to: '/joint', label: '联审任务' },
  { to: '/projects', label: '项目管理' },
  { to: '/escalations', label: '上报件跟踪' },
  { to: '/received-escalations', label: '上级办理' },
  { to: '/delegated', label: '代受理件' },
  { to: '/satisfaction', label: '满意度统计' },
  { to: '/rectifications', label: '差评整改' },
  { to: '/complaints', label: '投诉处理' },
  { to: '/consultations', label: '咨询答复' },
  { to: '/live', label: '在线咨询台' },
  { to: '/messages', label: <InboxNavLabel /> },
];
/** 联审会议, for those MeetingService lets read meetings: the center, supervisors, departments' staff. */
const MEETINGS_NAV = { to: '/meetings', label: '联审会议' };

/** 退款管理, 对账 and 收费统计, for those payments lets read them: finance, the center, supervisors. */
const FINANCE_ROLES = ['finance_reconciler', 'center_admin', 'supervisor'];
const FINANCE_NAV = [
  { to: '/refunds', label: '退款管理' },
  { to: '/reconciliation', label: '对账' },
  { to: '/collections', label: '收费统计' },
];

/** The workbench (工作台) for window clerks, reviewers, approvers and department heads. */
export function WorkbenchApp() {
  const { user } = useAuth();
  // The signed-in member of staff, and their tenant's service center for the header.
  const me = useLoad(
    () => (user ? call(api.GET('/api/v1/identity/me', {})) : Promise.resolve(undefined)),
    [user?.access_token !== undefined],
  );
  const tenantCode = me.data?.staff?.tenant;
  const tenant = useLoad(
    () =>
      tenantCode
        ? call(api.GET('/api/v1/identity/tenants/{code}', { params: { path: { code: tenantCode } } }))
        : Promise.resolve(undefined),
    [tenantCode],
  );
  const staff = me.data?.staff;
  const withMeetings = mayReadMeetings(staff) ? [...NAV.slice(0, 5), MEETINGS_NAV, ...NAV.slice(5)] : NAV;
  const finance = staff?.roles.some((r) => FINANCE_ROLES.includes(r)) ?? false;
  const nav = finance ? [...withMeetings.slice(0, -1), ...FINANCE_NAV, ...withMeetings.slice(-1)] : withMeetings;
  return (
    <Shell appName="工作台" centerName={tenant.data?.center.name} nav={nav}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Overview me={me} />} />
          <Route path="/queue" element={<Queue me={me} />} />
          <Route path="/cases/:id" element={<CasePage me={me} />} />
          <Route path="/walk-in" element={<WalkIn me={me} />} />
          <Route path="/joint" element={<JointTasks me={me} />} />
          <Route path="/joint/:id" element={<JointReviewPage me={me} />} />
          <Route path="/projects" element={<Projects me={me} />} />
          <Route path="/projects/:id" element={<ProjectPage me={me} />} />
          <Route path="/meetings" element={<Meetings me={me} />} />
          <Route path="/meetings/:id" element={<MeetingPage me={me} />} />
          <Route path="/escalations" element={<FollowUps me={me} />} />
          <Route path="/escalation/:id" element={<EscalationPage me={me} />} />
          <Route path="/received-escalations" element={<Received me={me} />} />
          <Route path="/delegated" element={<DelegatedCases me={me} />} />
          <Route path="/delegated/:id" element={<DelegatedCasePage me={me} />} />
          <Route path="/refunds" element={<Refunds me={me} />} />
          <Route path="/reconciliation" element={<Reconciliation me={me} />} />
          <Route path="/collections" element={<Collections me={me} />} />
          <Route path="/satisfaction" element={<Satisfaction me={me} />} />
          <Route path="/rectifications" element={<Rectifications me={me} />} />
          <Route path="/rectifications/:id" element={<RectificationPage me={me} />} />
          <Route path="/complaints" element={<Complaints me={me} />} />
          <Route path="/complaints/new" element={<RecordComplaint me={me} />} />
          <Route path="/complaints/:id" element={<ComplaintPage me={me} />} />
          <Route path="/consultations" element={<Consultations me={me} />} />
          <Route path="/consultations/:id" element={<ConsultationPage me={me} />} />
          <Route path="/live" element={<LiveDesk me={me} />} />
          <Route path="/messages" element={<Inbox />} />
          <Route path="/orders/:id" element={<OrderDetail canClose={false} />} />
          <Route path="/callback" element={<LoginCallback />} />
          <Route path="*" element={<Notice title="页面不存在" />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
