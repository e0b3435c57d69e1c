import { maskIdNumber } from '@govhall/identifiers';
import { decodeEnvelope } from '@govhall/kafka';
import { identityV1 } from '@govhall/proto';
import { authorizeAgent, newLegalPerson } from '../../domain/legal-person';
import { activateNaturalPerson, disableNaturalPerson, newNaturalPerson } from '../../domain/natural-person';
import { creditCode, idNumber } from '../../domain/natural-person.test-double';
import { APPLICANT_TOPIC, legalPersonOutbox, naturalPersonOutbox } from './applicant-events';

const NOW = new Date('2026-03-02T02:00:00Z');
const verification = { method: 'format-only', verified: true, note: '仅校验格式', verifiedAt: NOW };
const ID = idNumber();
const actor = {
  kind: 'user' as const,
  subject: 'kc-1',
  username: ID.toLowerCase(),
  tenant: '620321',
  roles: ['applicant' as const],
  clientId: 'govhall-portal',
};

describe('applicant events', () => {
  it('publish NaturalPersonRegistered keyed by the person, with ID number, phone and actor masked', () => {
    const pending = newNaturalPerson(
      { tenant: '620321', name: '张三', idNumber: ID, phone: '13812345678', password: 'x' },
      'np-1',
      verification,
      NOW,
    );
    const { events } = activateNaturalPerson(pending, 'kc-1', NOW);
    const [message] = naturalPersonOutbox(events, actor);
    expect(message).toMatchObject({ topic: APPLICANT_TOPIC, key: 'np-1' });
    const envelope = decodeEnvelope(message!.value);
    expect(envelope).toMatchObject({ type: 'govhall.identity.v1.NaturalPersonRegistered', aggregateVersion: 2 });
    expect(envelope.actor?.username).toBe(maskIdNumber(ID).toLowerCase());
    const { person } = identityV1.NaturalPersonRegistered.decode(envelope.payload);
    expect(person).toMatchObject({ idNumber: maskIdNumber(ID), phone: '138****5678', subject: 'kc-1' });
    expect(message!.value.toString('latin1')).not.toContain(ID);
  });

  it('publish NaturalPersonDisabled keyed by the person, with status, reason and time, ID number and phone masked', () => {
    const pending = newNaturalPerson(
      { tenant: '620321', name: '张三', idNumber: ID, phone: '13812345678', password: 'x' },
      'np-1',
      verification,
      NOW,
    );
    const later = new Date('2026-03-05T08:00:00Z');
    const { events } = disableNaturalPerson(activateNaturalPerson(pending, 'kc-1', NOW).person, '冒用他人身份', later);
    const admin = { ...actor, subject: 'kc-admin', username: 'yc-admin', roles: ['center_admin' as const] };
    const [message] = naturalPersonOutbox(events, admin);
    expect(message).toMatchObject({ topic: APPLICANT_TOPIC, key: 'np-1' });
    const envelope = decodeEnvelope(message!.value);
    expect(envelope).toMatchObject({ type: 'govhall.identity.v1.NaturalPersonDisabled', aggregateVersion: 3 });
    expect(envelope.occurredAt).toEqual(later);
    const { person } = identityV1.NaturalPersonDisabled.decode(envelope.payload);
    expect(person).toMatchObject({
      status: identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_DISABLED,
      disabledReason: '冒用他人身份',
      disabledAt: later,
      idNumber: maskIdNumber(ID),
      phone: '138****5678',
    });
    expect(message!.value.toString('latin1')).not.toContain(ID);
  });

  it('publish legal person and agent events keyed by the legal person, representative ID number masked', () => {
    const { legalPerson, events } = newLegalPerson(
      {
        tenant: '620321',
        name: '永昌县金川农产品有限公司',
        creditCode: creditCode(),
        legalRepresentativeName: '张三',
        legalRepresentativeIdNumber: ID,
      },
      'lp-1',
      { personId: 'np-1', subject: 'kc-1' },
      verification,
      NOW,
    );
    const granted = authorizeAgent(legalPerson, {
      grantId: 'g-1',
      agent: { personId: 'np-2', name: '李四', subject: 'kc-2' },
      scope: { allDepartments: true, departments: [], itemCodes: [] },
      validUntil: '',
      grantedBy: 'kc-1',
      today: '2026-03-02',
      now: NOW,
    });
    const messages = legalPersonOutbox([...events, ...granted.events], actor);
    expect(messages.map((m) => [m.topic, m.key])).toEqual([
      [APPLICANT_TOPIC, 'lp-1'],
      [APPLICANT_TOPIC, 'lp-1'],
    ]);
    const [registered, authorized] = messages.map((m) => decodeEnvelope(m.value));
    const payload = identityV1.LegalPersonRegistered.decode(registered!.payload);
    expect(payload.legalPerson?.legalRepresentativeIdNumber).toBe(maskIdNumber(ID));
    expect(authorized!.type).toBe('govhall.identity.v1.AgentAuthorized');
    expect(identityV1.AgentAuthorized.decode(authorized!.payload)).toMatchObject({
      legalPersonId: 'lp-1',
      grant: { id: 'g-1', agentSubject: 'kc-2', status: identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_ACTIVE },
    });
    for (const m of messages) expect(m.value.toString('latin1')).not.toContain(ID);
  });
});
