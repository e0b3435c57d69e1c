import { naturalPersonRef } from '../../domain/natural-person';
import { applicantSetup, idNumber } from '../in-memory-applicants.test-double';

const MINUTE = 60_000;
const request = (sequence: string) => ({
  tenant: '620321',
  name: '张三',
  idNumber: idNumber(sequence),
  phone: '13812345678',
  password: 'Apply2026',
});

/** Two registrations stranded by a Keycloak outage. */
async function stranded() {
  const setup = applicantSetup();
  setup.directory.down = true;
  await setup.uc.registerNaturalPerson(request('123')).catch(() => undefined);
  await setup.uc.registerNaturalPerson(request('234')).catch(() => undefined);
  setup.directory.down = false;
  const [a, b] = [...setup.naturalPersons.rows.values()];
  return { ...setup, a: a!, b: b! };
}

describe('completePendingRegistrations', () => {
  it('activates a record whose Keycloak user exists with our reference and removes one without a user', async () => {
    const { uc, directory, naturalPersons, advance, a, b } = await stranded();
    const kcId = directory.seed(a.idNumber.toLowerCase(), naturalPersonRef(a));
    advance(20 * MINUTE);

    expect(await uc.completePendingRegistrations(15 * MINUTE)).toEqual({ activated: 1, removed: 1 });
    expect(naturalPersons.rows.get(a.id)).toMatchObject({ status: 'active', subject: kcId });
    expect(naturalPersons.rows.has(b.id)).toBe(false);
    expect(naturalPersons.events.map((e) => e.type)).toEqual(['NaturalPersonRegistered']);
    expect(directory.createCalls).toBe(0);
  });

  it('does not adopt a user with this username that belongs to someone else', async () => {
    const { uc, directory, naturalPersons, advance, a } = await stranded();
    directory.seed(a.idNumber.toLowerCase(), 'staff:not-ours');
    advance(20 * MINUTE);
    await uc.completePendingRegistrations(15 * MINUTE);
    expect(naturalPersons.rows.has(a.id)).toBe(false);
    expect(naturalPersons.events).toEqual([]);
  });

  it('leaves recent records alone; the removed person can register again', async () => {
    const { uc, naturalPersons, advance, a } = await stranded();
    advance(5 * MINUTE);
    expect(await uc.completePendingRegistrations(15 * MINUTE)).toEqual({ activated: 0, removed: 0 });
    expect(naturalPersons.rows.size).toBe(2);

    advance(15 * MINUTE);
    await uc.completePendingRegistrations(15 * MINUTE);
    expect(naturalPersons.rows.size).toBe(0);
    const again = await uc.registerNaturalPerson(request('123'));
    expect(again).toMatchObject({ status: 'active', idNumber: a.idNumber });
  });

  it('does not remove a record a retry touched recently', async () => {
    const { uc, directory, naturalPersons, advance, a } = await stranded();
    advance(20 * MINUTE);
    directory.down = true;
    await uc.registerNaturalPerson(request('123')).catch(() => undefined); // the retry touches it, then fails
    directory.down = false;
    await uc.completePendingRegistrations(15 * MINUTE);
    expect(naturalPersons.rows.get(a.id)?.status).toBe('provisioning');
  });

  it('changes nothing while Keycloak is down and logs each record with its ID number masked', async () => {
    const { uc, directory, naturalPersons, advance, logged, a } = await stranded();
    advance(20 * MINUTE);
    directory.down = true;
    expect(await uc.completePendingRegistrations(15 * MINUTE)).toEqual({ activated: 0, removed: 0 });
    expect(naturalPersons.rows.size).toBe(2);
    expect(JSON.stringify(logged)).not.toContain(a.idNumber);
    expect(logged).toHaveLength(2);
  });
});
