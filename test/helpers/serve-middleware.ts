/**
 * Serves a dev-server middleware over HTTP on loopback, for tests. A request the middleware
 * passes on is answered 404 "passed on", one it fails with an error 500 "error".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Middleware } from '../../src/integrations/output-files.ts';

export interface ServedMiddleware {
  origin: string;
  close: () => Promise<void>;
}

export async function serveMiddleware(middleware: Middleware): Promise<ServedMiddleware> {
  const server = createServer((request, response) =>
    middleware(request, response, (error) => {
      response.writeHead(error ? 500 : 404, { 'Content-Type': 'text/plain' });
      response.end(error ? 'error' : 'passed on');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
