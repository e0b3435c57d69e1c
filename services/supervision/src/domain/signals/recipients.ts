/** Staff and windows as identity's events describe them (the supervision directory). */
export interface StaffEntry {
  id: string;
  tenant: string;
  department: string;
  username: string;
  roles: string[];
  active: boolean;
}

export interface WindowEntry {
  id: string;
  tenant: string;
  /** Staff id of the A post (the window lead). */
  aPostStaffId: string;
}

/**
 * Who is told of a signal (S16): the person responsible, the window lead (the A post of the case's window), the
 * heads of the case's department and the supervisors of the case's tenant; active staff only, each once, as
 * "<relation>:<username>".
 */
export function signalRecipients(
  matter: { tenant: string; department: string; responsible: string },
  staff: readonly StaffEntry[],
  window: WindowEntry | undefined,
): string[] {
  const active = staff.filter((s) => s.active && s.tenant === matter.tenant);
  const out: string[] = [];
  const add = (relation: string, username: string | undefined) => {
    if (username && !out.includes(`${relation}:${username}`)) out.push(`${relation}:${username}`);
  };
  add('responsible', matter.responsible);
  if (window?.aPostStaffId) add('window_lead', active.find((s) => s.id === window.aPostStaffId)?.username);
  for (const s of active) {
    if (matter.department && s.department === matter.department && s.roles.includes('department_head')) {
      add('department_head', s.username);
    }
  }
  for (const s of active) if (s.roles.includes('supervisor')) add('supervisor', s.username);
  return out;
}
