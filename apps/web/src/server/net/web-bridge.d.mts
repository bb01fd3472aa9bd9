import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiAnswer, ApiRequest } from "../api/v1/transport";
export declare function bridgeable(req: IncomingMessage, prefix: string): boolean;
export declare function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  handler: (request: ApiRequest) => Promise<ApiAnswer>,
  origin: string,
): Promise<void>;
