import type ClientRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js';
import type ProtocolMapperRepresentation from '@keycloak/keycloak-admin-client/lib/defs/protocolMapperRepresentation.js';
import type { NewServiceClient } from '../../usecases/directory.port';

/** Client attribute holding the "<kind>:<record id>" of the GovHall record that owns the client. */
export const REF_ATTRIBUTE = 'govhall_ref';

function hardcodedClaim(claim: string, value: string): ProtocolMapperRepresentation {
  return {
    name: `hardcoded-${claim}`,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-hardcoded-claim-mapper',
    config: {
      'claim.name': claim,
      'claim.value': value,
      'jsonType.label': 'String',
      'access.token.claim': 'true',
      'id.token.claim': 'false',
      'userinfo.token.claim': 'false',
      'introspection.token.claim': 'true',
    },
  };
}

/** Same mapper as the realm's clients (deploy/keycloak/govhall-realm.json): realm roles as a `roles` claim. */
const ROLES_MAPPER: ProtocolMapperRepresentation = {
  name: 'roles',
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-realm-role-mapper',
  config: {
    'claim.name': 'roles',
    'jsonType.label': 'String',
    multivalued: 'true',
    'access.token.claim': 'true',
    'id.token.claim': 'true',
    'userinfo.token.claim': 'true',
    'introspection.token.claim': 'true',
  },
};

const AUDIENCE_MAPPER: ProtocolMapperRepresentation = {
  name: 'audience-govhall-api',
  protocol: 'openid-connect',
  protocolMapper: 'oidc-audience-mapper',
  config: {
    'included.custom.audience': 'govhall-api',
    'access.token.claim': 'true',
    'id.token.claim': 'false',
    'introspection.token.claim': 'true',
  },
};

/**
 * A confidential client-credentials client whose tokens look like govhall-dept-demo's: tenant and department
 * (none for a center account) as fixed claims, audience govhall-api, realm roles (`service`, granted separately) in `roles`.
 */
export function serviceClientRepresentation(input: NewServiceClient): ClientRepresentation {
  return {
    clientId: input.clientId,
    name: input.clientId,
    description: input.description,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: false,
    clientAuthenticatorType: 'client-secret',
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    fullScopeAllowed: true,
    attributes: { [REF_ATTRIBUTE]: input.ref },
    protocolMappers: [
      ROLES_MAPPER,
      hardcodedClaim('tenant', input.tenant),
      // A center account (ADR 0053) has no department claim: it reaches every department of its tenant.
      ...(input.department ? [hardcodedClaim('department', input.department)] : []),
      AUDIENCE_MAPPER,
    ],
  };
}
