import type { IncomingMessage } from "node:http";
export declare function appendPeerAddress(req: IncomingMessage): void;
export declare function normalizeAddress(address: string): string;
