import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server on 127.0.0.1 for tests, answering by path. */
export interface RouteServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Requests for one path. */
  hits(path: string): SeenRequest[];
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

export type RouteHandler = (req: IncomingMessage & { body: string }, res: ServerResponse) => unknown;

/** Starts a server on `host` (127.0.0.1 by default) and a free port. */
export async function startRouteServer(routes: Record<string, RouteHandler> = {}, host = '127.0.0.1'): Promise<RouteServer> {
  const table = new Map(Object.entries(routes));
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      await handler(Object.assign(req, { body }), res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
