import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import clocksRoutes from './clocks.routes';
import evaluationRoutes from './evaluation/evaluation.routes';
import hallTodayRoutes from './hall-today.routes';
import inspectionPhotosRoutes from './inspection-photos.routes';
import inspectionsRoutes from './inspections.routes';
import liveRoutes from './live.routes';
import messagesRoutes from './messages/messages.routes';
import ordersRoutes from './orders/orders.routes';
import scoringRoutes from './scoring/scoring.routes';
import thresholdsRoutes from './thresholds.routes';
import violationsRoutes from './violations.routes';

export interface SupervisionRoutesOptions {
  deadlineMs: number;
  /** The live feed's heartbeat (LIVE_HEARTBEAT_MS). */
  heartbeatMs: number;
  /** Mark the live feed's cookie Secure (the public URL is https). */
  secureCookies: boolean;
}

/**
 * /api/v1/supervision — 电子监察: clocks, signals, rules, violations, inspections, accountability, KPIs, public
 * statistics and the monthly bulletin, the live feed.
 */
const supervisionRoutes: FastifyPluginAsyncTypebox<SupervisionRoutesOptions> = async (app, opts) => {
  await app.register(clocksRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(hallTodayRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(thresholdsRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(violationsRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(inspectionsRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(inspectionPhotosRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(ordersRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(evaluationRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(scoringRoutes, { prefix: '/scoring', deadlineMs: opts.deadlineMs });
  await app.register(messagesRoutes, { deadlineMs: opts.deadlineMs });
  await app.register(liveRoutes, { heartbeatMs: opts.heartbeatMs, secureCookies: opts.secureCookies });
};

export default supervisionRoutes;
