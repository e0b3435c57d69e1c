import type { FastifyPluginAsync } from 'fastify';
import applicantsRoutes from './applicants.routes';
import departmentsRoutes from './departments.routes';
import leaveEndRoutes from './leave-end.routes';
import serviceAccountsRoutes from './service-accounts.routes';
import staffRolesRoutes from './staff-roles.routes';
import staffRoutes from './staff.routes';
import tenantsRoutes from './tenants.routes';
import windowsOnDutyRoutes from './windows-on-duty.routes';
import windowsRoutes from './windows.routes';

/** /api/v1/identity — REST over govhall.identity.v1.IdentityService. Every route declares `config.auth`. */
const identityRoutes: FastifyPluginAsync<{ deadlineMs: number }> = async (app, opts) => {
  const child = { deadlineMs: opts.deadlineMs };
  await app.register(tenantsRoutes, child);
  await app.register(departmentsRoutes, child);
  await app.register(windowsRoutes, child);
  await app.register(windowsOnDutyRoutes, child);
  await app.register(staffRoutes, child);
  await app.register(staffRolesRoutes, child);
  await app.register(leaveEndRoutes, child);
  await app.register(applicantsRoutes, child);
  await app.register(serviceAccountsRoutes, child);
};

export default identityRoutes;
