/**
 * Crash-test hooks. `GOVHALL_FAILPOINTS=staff.after-directory-create,…` makes the process kill itself
 * (SIGKILL, no shutdown hooks — as a power cut or an OOM kill would) when it reaches a named point. Used by the
 * integration tests that prove a flow survives a process dying half-way; unset in every deployment, where a
 * failpoint is a no-op string comparison.
 */
export function failpoint(name: string, env: NodeJS.ProcessEnv = process.env): void {
  const armed = env.GOVHALL_FAILPOINTS;
  if (!armed) return;
  if (!armed.split(',').some((n) => n.trim() === name)) return;
  process.stderr.write(`failpoint ${name}: killing process ${process.pid}\n`);
  process.kill(process.pid, 'SIGKILL');
}
