// What the bulk-loaded cases are spread over: tenants and statuses (most finished, some open).

/** Tenants the bulk cases are spread over (the seeded tenant tree's). */
export const BULK_TENANTS = ['620321', '620302', '620300', '620102', '620123', '620100'];

/** Share of the bulk cases per status: most finished (delivered), some open. Sums to 1000. */
export const STATUS_MIX: Record<string, number> = {
  delivered: 850,
  completed: 30,
  approved: 10,
  processing: 60,
  pre_review: 20,
  draft: 30,
};

/** The status of bulk case i: the mix, interleaved so every slice of the collection holds every status. */
export function statusOf(i: number, mix: Record<string, number> = STATUS_MIX): string {
  const slot = (i * 617) % 1000; // 617 and 1000 are coprime: i → slot is a permutation of each 1000 cases
  let edge = 0;
  for (const [status, share] of Object.entries(mix)) {
    edge += share;
    if (slot < edge) return status;
  }
  return Object.keys(mix)[0]!;
}

/**
 * Days back and number sequence of bulk case i. A case waiting for the window's answer (pre_review) is recent — the
 * window answers within five working days, after which the service deems it accepted (law §32): 0–4 days back,
 * sequences from 10001 (tenant = i mod 6 and day = i mod 5 are fixed by i mod 30, so 10001 + i div 30 is unique
 * within them and above the others' 1 … 2778). Every other case: 1–360 days back, sequence i div 360 + 1.
 */
export function bulkDay(status: string, i: number): { daysAgo: number; sequence: number } {
  return status === 'pre_review'
    ? { daysAgo: i % 5, sequence: 10_001 + Math.floor(i / 30) }
    : { daysAgo: 1 + (i % 360), sequence: Math.floor(i / 360) + 1 };
}
