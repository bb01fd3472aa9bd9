import { oauthModel, type AspenClient } from "./model";
import { basicCredentials } from "./server";

/**
 * Authenticates the client calling revocation or introspection: HTTP Basic or `client_id` +
 * `client_secret` in the body for confidential clients; `client_id` alone for public ones.
 */
export async function authenticateClient(req: Request, body: Record<string, string>): Promise<AspenClient | null> {
  let id = body.client_id;
  let secret: string | undefined = body.client_secret;
  const basic = basicCredentials(req.headers.get("authorization"));
  if (basic) {
    id = basic.id;
    secret = basic.secret;
  }
  if (!id) return null;
  // Never null here: null means "look up without authenticating" to the model.
  const client = await oauthModel.getClient(id, secret ?? "");
  return client ? (client as AspenClient) : null;
}
