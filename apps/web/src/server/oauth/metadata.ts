import { apiScopes } from "@aspen/core";
import { issuer } from "./config";
import { supportedGrantTypes } from "./server";

/** RFC 8414 authorization server metadata. */
export function authorizationServerMetadata() {
  const iss = issuer();
  return {
    issuer: iss,
    authorization_endpoint: `${iss}/oauth/authorize`,
    token_endpoint: `${iss}/oauth/token`,
    revocation_endpoint: `${iss}/oauth/revoke`,
    introspection_endpoint: `${iss}/oauth/introspect`,
    scopes_supported: apiScopes,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: [...supportedGrantTypes],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    authorization_response_iss_parameter_supported: true,
    service_documentation: `${iss}/docs/api`,
  };
}
