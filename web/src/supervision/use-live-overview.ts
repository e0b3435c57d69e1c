import { useEffect, useState } from 'react';
import { api, call } from '../shared/api';
import { applyLive, initialState, type LiveState } from './live-state';
import { subscribeLive, type LiveStatus } from './live';

/** At most this many open clocks are read for the overview (pages of 100). */
const MAX_CLOCKS = 2_000;

async function readOpenClocks(includeSubordinates: boolean) {
  const clocks = [];
  let pageToken: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/supervision/clocks', {
        params: { query: { openOnly: true, includeSubordinates, pageSize: 100, pageToken } },
      }),
    );
    clocks.push(...page.clocks);
    pageToken = page.nextPageToken;
  } while (pageToken && clocks.length < MAX_CLOCKS);
  return clocks;
}

async function readActiveSignals() {
  const signals = [];
  let pageToken: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/supervision/signals', {
        params: { query: { activeOnly: true, includeSubordinates: true, pageSize: 100, pageToken } },
      }),
    );
    signals.push(...page.signals);
    pageToken = page.nextPageToken;
  } while (pageToken && signals.length < MAX_CLOCKS);
  return signals;
}

/**
 * The open clocks and active signals of the supervisor's tenants: read once, then kept up to date by the live feed
 * (events that arrive while the first read runs are applied after it). The hall's big screen asks for its own
 * hall's open clocks alone (`hall`): no tenants below, no signals (a hall screen's account may read neither, ADR
 * 0049; each clock carries its signal level).
 */
export function useLiveOverview({ hall = false }: { hall?: boolean } = {}) {
  const [state, setState] = useState<LiveState>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    const early: Parameters<typeof applyLive>[1][] = [];
    let loaded = false;
    let wasRetrying = false;
    const unsubscribe = subscribeLive(
      hall ? '' : 'includeSubordinates=true',
      (event) => {
        if (!loaded) early.push(event);
        else setState((s) => (s ? applyLive(s, event) : s));
      },
      (next) => {
        setStatus(next);
        // The feed has no resume point: after a gap, read everything again rather than miss what happened in it.
        if (next.state === 'open' && wasRetrying && live) setRound((r) => r + 1);
        if (next.state === 'retrying') wasRetrying = true;
      },
    );
    Promise.all([readOpenClocks(!hall), hall ? [] : readActiveSignals()]).then(
      ([clocks, signals]) => {
        if (!live) return;
        loaded = true;
        setState(early.reduce(applyLive, initialState(clocks, signals)));
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [round, hall]);

  return { state, error, status, reload: () => setRound((r) => r + 1) };
}
