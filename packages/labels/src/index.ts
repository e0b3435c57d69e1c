/**
 * The Chinese words people read for the platform's codes, once: the services (their messages, PDFs, ledgers), the
 * gateway's messages and the web apps (which bundle this source: web/vite.config.mts) all say the same thing for
 * the same state. Pure data; no imports.
 */
export * from './catalogue';
export * from './cases';
export * from './complaints';
export * from './roles';
export * from './supervision';
