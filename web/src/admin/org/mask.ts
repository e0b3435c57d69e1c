/**
 * A phone number as lists show it: a mobile keeps its first 3 and last 4 digits (138****1234), a landline its area
 * code and last 4 (0935-****2345). A number the API already masked is shown as it came.
 */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '—';
  if (phone.includes('*')) return phone;
  const mobile = /^(1\d{2})\d{4}(\d{4})$/.exec(phone);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  const landline = /^(0\d{2,3}-?)(\d+)(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}${'*'.repeat(landline[2]!.length)}${landline[3]}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}
