/** The static host of a local deploy: a directory that switches to the new files in one step. */
import { cp, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exists } from './local-cache.ts';

/** Publishes `site` to `host` the way actions/deploy-pages does: all at once, never half-way. */
export async function publishToHost(site: string, hostDir: string): Promise<string> {
  const host = resolve(hostDir);
  const incoming = `${host}.incoming`;
  const outgoing = `${host}.outgoing`;
  await rm(incoming, { recursive: true, force: true });
  await cp(site, incoming, { recursive: true });
  await rm(outgoing, { recursive: true, force: true });
  if (await exists(host)) await rename(host, outgoing);
  await rename(incoming, host);
  await rm(outgoing, { recursive: true, force: true });
  return host;
}
