/**
 * What every loopback test node needs: an HTTP server on 127.0.0.1 that hands each request its
 * whole body, a free port for a child process to bind, a raw JSON-RPC call to poll it until it
 * answers, and the start-poll-retry loop of a node run as a child process (anvil, chopsticks).
 * Nothing here listens beyond 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';

export type BodyHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** An HTTP server on a free 127.0.0.1 port; `handler` gets each request with its body read. */
export async function listenLoopback(handler: BodyHandler): Promise<{ server: Server; port: number; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  return { server, port, url: `http://127.0.0.1:${port}` };
}

/** A 127.0.0.1 port free right now (bound, then released) for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** One JSON-RPC 2.0 call over HTTP (set-up and readiness polling; the code under test has its own client). */
export async function rawJsonRpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once `child` has exited (at once if it already has). */
export function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** How to run one kind of node as a child process on a port of ours. */
export interface ChildNodeSpec<T> {
  /** For messages: "anvil", "chopsticks". */
  name: string;
  command: string;
  args(port: number): string[];
  env?: NodeJS.ProcessEnv;
  /** What the node prints when its port was taken in the meantime. */
  portInUse: RegExp;
  timeoutMs: number;
  pollMs: number;
  /**
   * Asks the node on `url`: the instance once it answers as ours, 'foreign' when another node
   * answers on that port; throws while it is not answering yet. `stop` ends the child.
   */
  probe(url: string, port: number, stop: () => Promise<void>): Promise<T | 'foreign'>;
}

async function tryChildNode<T>(spec: ChildNodeSpec<T>, port: number): Promise<T | 'port-in-use'> {
  const child = spawn(spec.command, spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'], ...(spec.env ? { env: spec.env } : {}) });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitExit(child);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + spec.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (spec.portInUse.test(output)) return 'port-in-use';
      throw new Error(`${spec.name} exited with code ${child.exitCode}: ${output.slice(-1500)}`);
    }
    let answer: T | 'foreign' | undefined;
    try {
      answer = await spec.probe(url, port, stop);
    } catch {
      await sleep(spec.pollMs);
      continue;
    }
    if (answer !== 'foreign') return answer;
    await stop();
    return 'port-in-use';
  }
  child.kill('SIGKILL');
  await waitExit(child);
  throw new Error(`${spec.name} did not answer on ${url} in time: ${output.slice(-1500)}`);
}

/** Starts the node on a free port; on a port taken in the meantime, again on another (5 tries). */
export async function startChildNode<T>(spec: ChildNodeSpec<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await tryChildNode(spec, await freePort());
    if (r !== 'port-in-use') return r;
  }
  throw new Error(`could not find a free port for ${spec.name} after 5 attempts`);
}
