/**
 * The one GitHub client, as each command sees it: failures that never got an answer are named the
 * same way for the sync and the notifier, each hint sending the person back to their command.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorsData, type Command } from '../../src/errors/errors-data.ts';
import { createGitHubConnection } from '../../src/github/create-octokit.ts';

let server: Server;
let url: string;
let closedUrl: string;
beforeAll(async () => {
  // GitHub's answer to a revoked token; and, for the closed port, a server started and stopped.
  server = createServer((request, response) => {
    if (request.url?.startsWith('/slow')) return;
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Bad credentials' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function connect(command: Command, apiUrl: string, timeoutMs = 5000) {
  return createGitHubConnection({
    command,
    token: 'test-token',
    endpoints: { apiUrl, graphqlUrl: `${apiUrl}/graphql` },
    timeoutMs,
    delayScale: 0,
    maxWaitSeconds: 0,
    warn: () => {},
  });
}

async function failureOf(command: Command, apiUrl: string, route: string, timeoutMs?: number) {
  const { octokit, failure } = connect(command, apiUrl, timeoutMs);
  const error = await octokit.request(route, { request: { retries: 0 } }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return failure(error, 'rest');
}

describe.each(['sync', 'notifier'] as const)('a GitHub client for the %s', (command) => {
  it('names a closed port, with the variable to check and the command to run again', async () => {
    const failure = await failureOf(command, closedUrl, 'GET /repos/acme/widgets');
    expect(failure?.is(ErrorsData.GitHubUnreachable)).toBe(true);
    expect(failure?.message).toBe(`Could not reach GITHUB_API_URL (${closedUrl}): connection refused (ECONNREFUSED).`);
    expect(failure?.hint).toContain(`run the ${command} again`);
  });

  it('says a rejected token is the token, not GitHub failing', async () => {
    const failure = await failureOf(command, url, 'GET /repos/acme/widgets');
    expect(failure?.is(ErrorsData.GitHubTokenRejected)).toBe(true);
    expect(failure?.hint).toContain('GITHUB_TOKEN');
  });

  it('abandons an attempt after its timeout and says how long it waited', async () => {
    const failure = await failureOf(command, url, 'GET /slow', 200);
    expect(failure?.is(ErrorsData.GitHubTimeout)).toBe(true);
    expect(failure?.message).toBe('A REST request got no answer within 200 ms.');
    expect(failure?.transient).toBe(true);
  });
});
