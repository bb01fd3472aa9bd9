import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

export type { components, operations, paths };

/** The error body every /api/v1 failure carries. */
export type ApiError = components["schemas"]["Error"];

export interface AspenClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The console's URL, e.g. `https://cloud.example.org` (the client adds `/api/v1`). */
  baseUrl: string;
  /** An API key (`ak_…`) or an OAuth access token. */
  token: string;
}

/** A typed client of Aspen's REST API: `client.GET("/devices/{id}", { params: { path: { id } } })`. */
export function createAspenClient({ baseUrl, token, headers, ...rest }: AspenClientOptions): Client<paths> {
  return createClient<paths>({
    ...rest,
    baseUrl: `${baseUrl.replace(/\/$/, "")}/api/v1`,
    headers: { ...(headers as Record<string, string> | undefined), authorization: `Bearer ${token}` },
  });
}
