import { Notice } from '../../shared/states';

/** The organisation area of the admin console: `/calendar/*`, `/org/*`, `/staff/*`, `/service-accounts/*`. */
export default function OrgRoutes() {
  return <Notice title="建设中" text="工作日历、机构窗口与人员管理即将提供。" />;
}
