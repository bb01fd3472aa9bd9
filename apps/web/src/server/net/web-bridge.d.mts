import type { IncomingMessage, ServerResponse } from "node:http";
export declare function bridgeable(req: IncomingMessage, prefix: string): boolean;
export declare function serveWithFetchHandler(
  req: IncomingMessage,
  res: ServerResponse,
  handler: (request: Request) => Promise<Response>,
  origin: string,
): Promise<void>;
