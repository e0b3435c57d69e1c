import { Notice } from '../../shared/states';

/** The catalogue area of the admin console: `/catalogue/*` and `/reviews/*` (issue 11, in progress). */
export default function CatalogueRoutes() {
  return <Notice title="建设中" text="事项目录与表单设计即将提供。" />;
}
