/**
 * Shared helpers for the EVM core tests: tiny loopback HTTP servers (429, hanging, custom
 * answers) and a free-then-closed port for "unreachable". Everything binds 127.0.0.1 only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { freePort, listenLoopback } from '../../support/loopback.ts';

export interface LocalServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function startHttpServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<LocalServer> {
  const state = { requests: 0 };
  const { server, url } = await listenLoopback((req, res, body) => {
    state.requests++;
    handler(req, res, body);
  });
  return {
    url,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port that nothing listens on (bound, then released): for "unreachable". */
export const closedPort = freePort;
