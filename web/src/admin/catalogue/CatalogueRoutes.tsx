import { Route, Routes, useLocation } from 'react-router';
import { Notice } from '../../shared/states';
import { ItemPage } from './ItemEditor';
import { ItemList } from './ItemList';
import { ReviewPage, ReviewQueue } from './Reviews';

const NOT_FOUND = <Notice title="页面不存在" text="您访问的页面不存在或已经移动。" />;

/**
 * The catalogue area of the admin console, mounted at `/catalogue/*` (the tenant's items: list, editor with every
 * 实施清单 element, form builder, pre-review rules, edition diff, submit) and `/reviews/*` (the review queue: a
 * second person approves and publishes, or returns with reasons).
 */
export default function CatalogueRoutes() {
  const { pathname } = useLocation();
  if (pathname === '/reviews' || pathname.startsWith('/reviews/')) {
    return (
      <Routes>
        <Route index element={<ReviewQueue />} />
        <Route path=":id" element={<ReviewPage />} />
        <Route path="*" element={NOT_FOUND} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<ItemList />} />
      <Route path=":id" element={<ItemPage />} />
      <Route path="*" element={NOT_FOUND} />
    </Routes>
  );
}
