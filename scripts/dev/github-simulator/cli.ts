/**
 * Serves a world file on 127.0.0.1 so the sync can be tried by hand:
 *
 *   npx node scripts/dev/github-simulator/cli.ts --world world.json [--port 4010] [--token secret] [--viewer login]
 *
 * then run the sync with the two printed variables. Ctrl-C stops it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSimulator } from './server.ts';
import { worldSchema } from './world-schema.ts';

const USAGE =
  'Usage: npx node scripts/dev/github-simulator/cli.ts --world <file.json> [--port <number>] [--token <token>] [--viewer <login>]';

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

let values: { world?: string | undefined; port?: string | undefined; token?: string | undefined; viewer?: string | undefined };
try {
  ({ values } = parseArgs({
    options: { world: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, viewer: { type: 'string' } },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
}
if (!values.world) fail(`The world file is missing: pass --world <file.json>.\n${USAGE}`, 2);

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  fail(`--port must be a whole number from 0 to 65535 (0 picks a free port), got "${values.port ?? ''}".`, 2);
}

let text: string;
try {
  text = await readFile(values.world, 'utf8');
} catch (error) {
  fail(`Could not read the world file ${values.world} (${error instanceof Error ? error.message : String(error)}). Check the path.`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`The world file ${values.world} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
}
const parsed = worldSchema.safeParse(json);
if (!parsed.success) {
  const problems = parsed.error.issues
    .slice(0, 20)
    .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
  fail(
    `The world file ${values.world} does not match the simulator's world format (scripts/dev/github-simulator/store-types.ts):\n${problems}`,
  );
}

const simulator = await startSimulator({
  world: parsed.data,
  port,
  token: values.token ?? null,
  ...(values.viewer ? { viewer: values.viewer } : {}),
});
process.stdout.write(
  [
    `GitHub simulator serving ${values.world} (${String(parsed.data.repositories.length)} repositories).`,
    values.token ? 'Only the token given with --token is accepted.' : 'Any token is accepted.',
    `GITHUB_API_URL=${simulator.url}`,
    `GITHUB_GRAPHQL_URL=${simulator.graphqlUrl}`,
    '',
  ].join('\n'),
);

const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
