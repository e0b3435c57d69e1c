import { Table, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { EmptyState, ErrorAlert, Loading, useLoad } from '../../shared/states';
import { fieldLabel, lineDiff, shownValue, type DiffChange } from './model';

const LONG = 120;
const ADDED = { background: '#e6ffec', color: '#0a3622', textDecoration: 'none' } as const;
const REMOVED = { background: '#ffebe9', color: '#67060c' } as const;

/** One changed value: short ones side by side, long or multi-line ones (the form's schema) as a line diff. */
function Change({ change }: { change: DiffChange }) {
  const before = shownValue(change.before);
  const after = shownValue(change.after);
  if (before.length + after.length < LONG && !before.includes('\n') && !after.includes('\n')) {
    return (
      <span>
        <del style={REMOVED}>{before || '（空）'}</del>
        {' → '}
        <ins style={ADDED}>{after || '（空）'}</ins>
      </span>
    );
  }
  const lines = lineDiff(before, after);
  // Unchanged lines far from a change are folded, so a one-field change of a long schema stays short.
  const near = (i: number) => lines.slice(Math.max(0, i - 2), i + 3).some((l) => l.kind !== 'same');
  const shown: { key: number; text: string; kind: 'same' | 'removed' | 'added' | 'fold' }[] = [];
  lines.forEach((l, i) => {
    if (l.kind !== 'same' || near(i)) shown.push({ key: i, text: l.text, kind: l.kind });
    else if (shown.at(-1)?.kind !== 'fold') shown.push({ key: i, text: '…', kind: 'fold' });
  });
  return (
    <pre className="diff-lines" style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
      {shown.map((l) =>
        l.kind === 'added' ? (
          <ins key={l.key} style={{ ...ADDED, display: 'block' }}>
            {`+ ${l.text}`}
          </ins>
        ) : l.kind === 'removed' ? (
          <del key={l.key} style={{ ...REMOVED, display: 'block' }}>
            {`- ${l.text}`}
          </del>
        ) : (
          <span key={l.key} style={{ display: 'block', color: 'rgba(0,0,0,0.65)' }}>
            {`  ${l.text}`}
          </span>
        ),
      )}
    </pre>
  );
}

/** 版本差异: what edition `to` changes from edition `from` (the catalogue's diff), field by field. */
export function DiffView({ from, to }: { from: string; to: string }) {
  const diff = useLoad(
    () => call(api.GET('/api/v1/catalogue/items/{from}/diff/{to}', { params: { path: { from, to } } })),
    [from, to],
  );
  if (diff.error) return <ErrorAlert error={diff.error} onRetry={diff.reload} />;
  if (!diff.data) return <Loading text="正在比较版本…" />;
  if (diff.data.changes.length === 0) return <EmptyState text="与上一版本相比没有修改" />;
  return (
    <>
      <Typography.Paragraph type="secondary">与上一版本相比共 {diff.data.changes.length} 处修改</Typography.Paragraph>
      <Table
        className="edition-diff"
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={diff.data.changes}
        columns={[
          {
            title: '修改的内容',
            dataIndex: 'path',
            width: '30%',
            render: (p: string) => fieldLabel(p),
          },
          {
            title: '修改前 → 修改后',
            key: 'change',
            render: (_v, c: DiffChange) => <Change change={c} />,
          },
        ]}
      />
    </>
  );
}
