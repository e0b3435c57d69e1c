import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** True when the person asked their system for less motion (WCAG 2.3.3): antd's and the charts' animations are off. */
export const reducedMotion = (): boolean => window.matchMedia?.(QUERY).matches ?? false;

function subscribe(changed: () => void): () => void {
  const query = window.matchMedia?.(QUERY);
  query?.addEventListener('change', changed);
  return () => query?.removeEventListener('change', changed);
}

/** `reducedMotion()`, followed as the setting changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reducedMotion);
}
