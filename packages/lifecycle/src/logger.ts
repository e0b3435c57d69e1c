/** The minimal logger surface this module needs (pino satisfies it). */
export interface LifecycleLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
