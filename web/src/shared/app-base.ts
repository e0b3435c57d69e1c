/** The browser apps (ADR 0027). */
export type AppName = 'portal' | 'workbench' | 'admin' | 'supervision' | 'screen' | 'device';

/** Where each app lives on the gateway (ADR 0027); the browser tests open the apps there too. */
export const APP_BASE: Record<AppName, string> = {
  portal: '/',
  workbench: '/workbench/',
  admin: '/admin/',
  supervision: '/supervision/',
  screen: '/screen/',
  device: '/device/',
};
