import type { Principal } from '@govhall/auth';
import { maskText } from '@govhall/identifiers';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { identityV1 } from '@govhall/proto';
import { staffView, type LegalPersonEvent } from '../../domain/legal-person';
import { staffViewOfNaturalPerson, type NaturalPersonEvent } from '../../domain/natural-person';
import { toProtoAgentGrant, toProtoLegalPerson, toProtoNaturalPerson } from '../grpc/applicants.mapper';

/** Topic of natural and legal persons (deploy/kafka/topics.txt); key = the person's id. */
export const APPLICANT_TOPIC = 'govhall.identity.applicant';

/** An applicant's username is their ID number: events carry it masked, like every ID number in them. */
function eventActor(actor: Principal) {
  return { ...actorFromPrincipal(actor), username: maskText(actor.username) };
}

export function naturalPersonOutbox(events: NaturalPersonEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    const person = staffViewOfNaturalPerson(event.person);
    const common = {
      tenant: person.tenant,
      aggregateId: person.id,
      aggregateVersion: person.version,
      actor: eventActor(actor),
      occurredAt: person.updatedAt,
    };
    switch (event.type) {
      case 'NaturalPersonRegistered':
        return toOutboxMessage(
          APPLICANT_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.NaturalPersonRegistered',
            codec: identityV1.NaturalPersonRegistered,
            payload: { person: toProtoNaturalPerson(person) },
            ...common,
          }),
        );
      case 'NaturalPersonDisabled':
        return toOutboxMessage(
          APPLICANT_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.NaturalPersonDisabled',
            codec: identityV1.NaturalPersonDisabled,
            payload: { person: toProtoNaturalPerson(person) },
            ...common,
          }),
        );
    }
  });
}

export function legalPersonOutbox(events: LegalPersonEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    const legalPerson = staffView(event.legalPerson);
    const common = {
      tenant: legalPerson.tenant,
      aggregateId: legalPerson.id,
      aggregateVersion: legalPerson.version,
      actor: eventActor(actor),
      occurredAt: legalPerson.updatedAt,
    };
    switch (event.type) {
      case 'LegalPersonRegistered':
        return toOutboxMessage(
          APPLICANT_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.LegalPersonRegistered',
            codec: identityV1.LegalPersonRegistered,
            payload: { legalPerson: toProtoLegalPerson(legalPerson) },
            ...common,
          }),
        );
      case 'AgentAuthorized':
        return toOutboxMessage(
          APPLICANT_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.AgentAuthorized',
            codec: identityV1.AgentAuthorized,
            payload: { legalPersonId: legalPerson.id, grant: toProtoAgentGrant(event.grant) },
            ...common,
          }),
        );
      case 'AgentRevoked':
        return toOutboxMessage(
          APPLICANT_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.AgentRevoked',
            codec: identityV1.AgentRevoked,
            payload: { legalPersonId: legalPerson.id, grant: toProtoAgentGrant(event.grant) },
            ...common,
          }),
        );
    }
  });
}
