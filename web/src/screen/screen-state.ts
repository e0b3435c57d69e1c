/** A name shown on the hall screen: the first character, the rest hidden (the service already masks; twice is safe). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '—';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

type SignalLevel = 'none' | 'warning' | 'yellow' | 'red';

/** A window's duty today as identity answers it for the screen (GET …/windows/on-duty). */
export interface WindowDuty {
  id: string;
  number: string;
  name: string;
  duty: 'a_post' | 'b_post' | 'covered' | 'unstaffed';
  servedBy?: string;
}

/** A window's open matters and worst signal (GET /supervision/hall-today). */
export interface WindowLoad {
  windowId: string;
  open: number;
  worstSignal: SignalLevel;
}

/** One window's tile on the screen. */
export interface WindowTile {
  id: string;
  title: string;
  servedBy?: string;
  serving: boolean;
  dutyText: string;
  open: number;
  worstSignal: SignalLevel;
}

const DUTY_TEXT: Record<WindowDuty['duty'], string> = {
  a_post: '服务中',
  b_post: '服务中（B岗）',
  covered: '暂停服务',
  unstaffed: '暂停服务',
};

/**
 * The windows' tiles: every window of the hall in number order with who serves it and its open matters (none when
 * supervision lists none for it); a window only supervision knows (not yet in the list) comes last, by its load.
 */
export function windowTiles(duty: readonly WindowDuty[], load: readonly WindowLoad[]): WindowTile[] {
  const loads = new Map(load.map((l) => [l.windowId, l]));
  const tiles: WindowTile[] = duty.map((w) => ({
    id: w.id,
    title: `${w.number} ${w.name}`,
    servedBy: w.servedBy,
    serving: w.duty === 'a_post' || w.duty === 'b_post',
    dutyText: DUTY_TEXT[w.duty],
    open: loads.get(w.id)?.open ?? 0,
    worstSignal: loads.get(w.id)?.worstSignal ?? 'none',
  }));
  const known = new Set(duty.map((w) => w.id));
  load
    .filter((l) => !known.has(l.windowId))
    .forEach((l, i) =>
      tiles.push({
        id: l.windowId,
        title: `窗口${i + 1}`,
        serving: false,
        dutyText: '—',
        open: l.open,
        worstSignal: l.worstSignal,
      }),
    );
  return tiles;
}

/** The share of today's completed cases within the promised limit, as the screen shows it ("—" before the first). */
export function onTimeRate(today: { completed: number; completedOnTime: number }): string {
  if (today.completed === 0) return '—';
  return `${Math.round((today.completedOnTime / today.completed) * 100)}%`;
}
