/**
 * `npm run notify`: tells the people who asked for what a release shipped. One comment on each
 * shipped request and its duplicates on GitHub, and release emails to the private subscriber
 * list, each exactly once. See docs/notifications.md.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/config/index.ts';
import { projectDir } from '../src/config/project-dir.ts';
import { SnapshotError } from '../src/snapshot/read-snapshot.ts';
import { readNotifyEnvironment, DEFAULT_LEDGER_DIR } from '../src/notify/notify-environment.ts';
import { RoadmapError } from '../src/errors/roadmap-error.ts';
import { DEFAULT_PREVIEW_DIR } from '../src/notify/preview.ts';
import { createRedactor } from '../src/notify/redact.ts';
import { RunStop } from '../src/notify/run-stop.ts';
import { runNotify, type NotifyOptions } from '../src/notify/run-notify.ts';
import { suppressAddresses } from '../src/notify/manual-suppression.ts';

const USAGE = `Usage: npm run notify -- [options]

Announces a release to the people who asked for what it shipped: a comment on each shipped
request (and its duplicates) on GitHub, and emails to the subscriber list. Each comment and
each email goes out once, however often this runs. Details: docs/notifications.md.

Options:
  --release <tag>     The release to announce (default: the newest published release that is
                      not a pre-release).
  --repo <owner/name> The repository of the release, when several have releases.
  --dry-run           Send nothing: write every comment and mail to the preview folder instead.
  --out <dir>         Preview folder of a dry run (default: ${DEFAULT_PREVIEW_DIR}).
  --resend-unknown [<id>,…]
                      Also send the mails whose earlier sending ended without knowing whether
                      the server took them: all of them, or only those of these ledger ids (the
                      summary lists each unknown mail with its ledger id and Message-ID).
  --settle-unknown <id>,…
                      Record these unknown mails as delivered (you found their Message-ID in the
                      mail server's log), so they are never sent again.
  --trust-empty-ledger
                      Mail although the ledger has no record of the release and GitHub already
                      carries its comments (see docs/notifications.md before using it).
  --suppress <address>
                      Never mail this address again (any release); nothing else is done. Repeat
                      the option for several addresses.
  --snapshot <dir>    Snapshot directory (default: content/snapshot, or $ROADMAP_SNAPSHOT_DIR).
  --config <file>     Configuration file (default: roadmap.config.ts).
  -h, --help          Show this help.

Environment (an empty value counts as unset):
  GITHUB_TOKEN               Token that may comment on the repositories' issues and Discussions.
  GITHUB_API_URL, GITHUB_GRAPHQL_URL
                             GitHub's API (default github.com; set by Actions on GHES).
  SMTP_URL                   smtp://user:password@host:587 (or smtps://…:465); no mail without it.
  MAIL_FROM                  The sender, e.g. "Acme roadmap <roadmap@acme.dev>".
  ROADMAP_SUBSCRIBERS_FILE   The private subscriber list (CSV or JSON), outside content/ and public/.
  ROADMAP_UNSUBSCRIBE_URL    Optional unsubscribe page; {email} in it becomes the recipient.
  ROADMAP_LEDGER_DIR         Where the ledger lives (default: ${DEFAULT_LEDGER_DIR}).
  ROADMAP_LEDGER_PUSH        true: the ledger directory is a checkout of the ledger branch; push it.
  ROADMAP_LEDGER_KEY         Optional secret mixed into the recipients' hashes in the ledger.`;

const LEDGER_ID = /^[0-9a-f]{32}$/;

/**
 * `--resend-unknown` alone means every unknown mail; followed by ledger ids (`--resend-unknown
 * id,id` or `--resend-unknown=id`), only those. parseArgs has no optional values, so the bare
 * form is rewritten first.
 */
function withOptionalValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg !== '--resend-unknown') {
      out.push(arg);
      continue;
    }
    const next = argv[index + 1];
    if (next !== undefined && !next.startsWith('-')) {
      out.push(`--resend-unknown=${next}`);
      index += 1;
    } else {
      out.push('--resend-unknown=all');
    }
  }
  return out;
}

function ledgerIds(values: readonly string[] | undefined, option: string): string[] {
  const ids = (values ?? []).flatMap((value) => value.split(',')).map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
  const bad = ids.filter((id) => !LEDGER_ID.test(id));
  if (bad.length > 0) throw new Error(`${option} takes ledger ids (32 hex digits, from the summary), not "${bad[0]?.includes('@') ? 'an address' : bad[0]}".`);
  return ids;
}

/** Exit codes: 0 done, 1 something needs a person (see the summary), 2 wrong usage. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd: string = projectDir(env)): Promise<number> {
  const redact = createRedactor();
  redact.addSecrets(env.GITHUB_TOKEN, env.GH_TOKEN, env.ROADMAP_LEDGER_KEY);
  const log = (line: string): void => {
    process.stderr.write(`${redact(line)}\n`);
  };
  const report = (line: string): void => {
    process.stdout.write(`${redact(line)}\n`);
  };

  let options: NotifyOptions;
  try {
    const { values } = parseArgs({
      args: withOptionalValues(argv),
      options: {
        release: { type: 'string' },
        repo: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        out: { type: 'string' },
        'resend-unknown': { type: 'string', multiple: true },
        'settle-unknown': { type: 'string', multiple: true },
        'trust-empty-ledger': { type: 'boolean', default: false },
        suppress: { type: 'string', multiple: true },
        snapshot: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    redact.addAddresses(values.suppress ?? []);
    options = {
      release: values.release?.trim() || null,
      repo: values.repo?.trim() || null,
      dryRun: values['dry-run'],
      out: values.out ?? null,
      resendUnknown: values['resend-unknown']?.includes('all') ? true : ledgerIds(values['resend-unknown'], '--resend-unknown'),
      settleUnknown: ledgerIds(values['settle-unknown'], '--settle-unknown'),
      trustEmptyLedger: values['trust-empty-ledger'],
      suppress: values.suppress ?? [],
      config: values.config ?? null,
      snapshot: values.snapshot ?? null,
    };
  } catch (error) {
    log(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const stop = new RunStop();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.stopped) return;
    log(`Received ${signal}: finishing what is in flight, recording it, then stopping.`);
    stop.stop(`The run was interrupted (${signal}).`, 'Run the notifier again: it sends only what is left.');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const environment = readNotifyEnvironment(env);
    if (options.suppress.length > 0) return await suppressAddresses(options.suppress, environment, { log, report, env, cwd });
    return await runNotify(options, environment, { log, report, redact, stop, env, cwd });
  } catch (error) {
    if (error instanceof RoadmapError) {
      log(error.message);
      log(`  ${error.hint}`);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof SnapshotError) {
      log(error.message);
      return 1;
    }
    log(`The notifier failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
    log('  What was sent before this is recorded in the ledger. Please report this with the message above.');
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
