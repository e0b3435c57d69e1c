import { useCallback, useEffect, useId, useState, type DependencyList, type ReactNode } from 'react';
import { Alert, Button, Empty, Spin } from 'antd';
import { messageOf } from './problem';

/** While something loads: a spinner with words (screen readers hear them through role=status). */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: '48px 0', textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.65)' }}>{text}</div>
    </div>
  );
}

/** Nothing to show, said plainly, with what to do next. */
export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Empty description={text} style={{ padding: '32px 0' }}>
      {children}
    </Empty>
  );
}

/** An error as a person reads it (never a code), with a retry when one can help. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={messageOf(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ margin: '16px 0' }}
    />
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change (an answer that arrives after a newer request is dropped). */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  // The caller names what the load depends on.
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, round]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setRound((r) => r + 1) };
}

/**
 * A page-sized message with what to do next (login needed, page not found, login failed): a heading and words,
 * lighter than antd's Result (whose illustrations would weigh on the portal's first page).
 */
export function Notice({ title, text, children }: { title: string; text?: string; children?: ReactNode }) {
  return (
    <section style={{ padding: '48px 16px', textAlign: 'center' }}>
      <h2 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 8px' }}>{title}</h2>
      {text ? <p style={{ color: 'rgba(0,0,0,0.65)', margin: '0 0 16px' }}>{text}</p> : null}
      {children}
    </section>
  );
}

/**
 * A white block of a page with its own heading (h2), as antd's Card looks, without its weight; a titled one is a
 * region named by its heading (a screen reader's landmark list, a test's `getByRole('region', { name })`).
 */
export function Panel({ title, children }: { title?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={title ? id : undefined}>
      {title ? (
        <h2 className="panel-title" id={id}>
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}

/** One page of a list answer, whatever the list's own field is called (`items`, `cases`…). */
export interface Page<T> {
  items: T[];
  total: number;
  nextPageToken?: string;
}

export interface Paged<T> {
  /** Every item loaded so far: the first page, then each page "load more" added. */
  items: T[];
  total: number | undefined;
  /** The first page: while it loads or if it failed there is no list to show. */
  first: Loaded<Page<T>>;
  /** Loads the next page; absent on the last one. */
  more: (() => Promise<void>) | undefined;
  loadingMore: boolean;
  moreError: unknown;
}

/** A paged list (`pageToken` / `nextPageToken`): the first page when `deps` change, more on demand. */
export function usePaged<T>(page: (pageToken?: string) => Promise<Page<T>>, deps: DependencyList): Paged<T> {
  const first = useLoad(() => page(undefined), deps);
  const [extra, setExtra] = useState<{ items: T[]; next?: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  useEffect(() => {
    setExtra(null);
    setMoreError(undefined);
  }, [first.data]);
  const next = extra ? extra.next : first.data?.nextPageToken;
  const more = next
    ? async () => {
        setLoadingMore(true);
        setMoreError(undefined);
        try {
          const got = await page(next);
          setExtra((e) => ({ items: [...(e?.items ?? []), ...got.items], next: got.nextPageToken }));
        } catch (error) {
          setMoreError(error);
        } finally {
          setLoadingMore(false);
        }
      }
    : undefined;
  return {
    items: [...(first.data?.items ?? []), ...(extra?.items ?? [])],
    total: first.data?.total,
    first,
    more,
    loadingMore,
    moreError,
  };
}

/** Under a paged list: the error of the last "load more", and the button while there is more. */
export function MoreButton({ paged }: { paged: Pick<Paged<unknown>, 'more' | 'loadingMore' | 'moreError'> }) {
  return (
    <>
      {paged.moreError ? <ErrorAlert error={paged.moreError} /> : null}
      {paged.more ? (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void paged.more?.()} loading={paged.loadingMore}>
            加载更多
          </Button>
        </div>
      ) : null}
    </>
  );
}
