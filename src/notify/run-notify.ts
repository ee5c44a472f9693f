/**
 * One notifier run, from the snapshot to the summary:
 *
 *   snapshot + config → the release and what it shipped (the model's answer)
 *   → ledger (lock, catch up with the branch, settle what an interrupted run left)
 *   → GitHub comments → ledger pushed
 *   → subscriber list → who gets which mail → mails, in pushed batches
 *   → summary
 *
 * A dry run follows the same path but writes comments and mails to the preview folder, reads the
 * ledger without touching it, and sends nothing.
 */
import { resolve } from 'node:path';
import { loadConfig, type RoadmapConfig } from '../config/index.ts';
import { publishedReleases } from '../model/publishable-items.ts';
import { readSnapshot, DEFAULT_SNAPSHOT_DIR, type Snapshot } from '../snapshot/read-snapshot.ts';
import type { Release } from '../snapshot/schema.ts';
import { endpointsFromEnv } from '../github/endpoints.ts';
import { composeMail, messageIdFor, type ComposedMail } from './compose-mail.ts';
import { shippedMarker } from './comment-marker.ts';
import { createGitHubCommentsApi, type GitHubCommentsApi } from './github-comments-api.ts';
import { openLedger, type Ledger } from './ledger.ts';
import { maskAddress } from './mask-address.ts';
import { mailContent, type MailContent } from './mail-content.ts';
import { oneLine } from './one-line.ts';
import type { NotifyEnvironment } from './notify-environment.ts';
import { NotifyError } from './notify-error.ts';
import { planMails, type MailPlan, type PlannedMail } from './plan-mails.ts';
import { postShippedComments } from './post-comments.ts';
import { createPreview, DEFAULT_PREVIEW_DIR, type PreviewWriter } from './preview.ts';
import type { Redactor } from './redact.ts';
import { releaseNotesForEmail } from './release-notes-email.ts';
import { releaseShipment, type ReleaseShipment } from './release-shipments.ts';
import type { RunStop } from './run-stop.ts';
import { exitCodeOf, formatSummary, type RunReport } from './run-summary.ts';
import { selectRelease } from './select-release.ts';
import { sendMails, type MailResult } from './send-mails.ts';
import { createSmtpDelivery } from './smtp-delivery.ts';
import { checkUnsubscribeUrl, mailSettings, unsubscribeUrlFor, type MailSettings } from './smtp-settings.ts';
import { readSubscribers, type SubscriberList } from './subscribers.ts';

export interface NotifyOptions {
  release: string | null;
  repo: string | null;
  dryRun: boolean;
  out: string | null;
  /** `--resend-unknown`: every unknown mail (true), or those of these ledger ids. */
  resendUnknown: boolean | readonly string[];
  /** `--settle-unknown`: ledger ids of unknown mails found delivered in the mail server's log. */
  settleUnknown: readonly string[];
  /** `--suppress`: addresses to add to the suppression list (a run of its own, see `manual-suppression.ts`). */
  suppress: readonly string[];
  /** `--trust-empty-ledger`: mail although GitHub shows the release was announced with another ledger. */
  trustEmptyLedger: boolean;
  config: string | null;
  snapshot: string | null;
}

export interface NotifyIo {
  /** Progress and warnings (stderr). Already redacted by the caller. */
  log: (line: string) => void;
  /** The summary (stdout). */
  report: (line: string) => void;
  redact: Redactor;
  stop: RunStop;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Mails per pushed batch of the ledger branch. */
const MAIL_BATCH = 20;
/** Sender shown in a dry run's preview when MAIL_FROM is not set. */
const PREVIEW_SENDER = 'Roadmap <notifications@example.invalid>';

function listIdOf(config: RoadmapConfig): string {
  const host = new URL(config.site.url).hostname;
  const path = config.site.base.split('/').filter((segment) => segment !== '').reverse();
  return [...(path.length > 0 ? path : ['roadmap']), host].join('.').toLowerCase().replace(/[^a-z\d.-]/g, '-');
}

interface MailSetup {
  settings: MailSettings | null;
  from: string;
  fromAddress: string;
  fromDomain: string;
  unsubscribeTemplate: string | null;
}

function mailSetup(env: NotifyEnvironment, dryRun: boolean, redact: Redactor): MailSetup | string {
  const unsubscribeTemplate = env.unsubscribeUrl === null ? null : checkUnsubscribeUrl(env.unsubscribeUrl);
  if (env.smtpUrl === null) {
    if (!dryRun) return 'SMTP_URL is not set';
    const from = env.mailFrom ?? PREVIEW_SENDER;
    const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
    return { settings: null, from, fromAddress: address, fromDomain: address.slice(address.lastIndexOf('@') + 1), unsubscribeTemplate };
  }
  const settings = mailSettings(env.smtpUrl, env.mailFrom);
  redact.addSecrets(...settings.secrets);
  return { settings, from: settings.from, fromAddress: settings.fromAddress, fromDomain: settings.fromDomain, unsubscribeTemplate };
}

export async function runNotify(options: NotifyOptions, env: NotifyEnvironment, io: NotifyIo): Promise<number> {
  const { log, redact, stop } = io;
  const config = await loadConfig({ root: io.cwd, ...(options.config === null ? {} : { file: options.config }) });
  const snapshot = await readSnapshot(resolve(io.cwd, options.snapshot ?? env.snapshotDir ?? DEFAULT_SNAPSHOT_DIR));
  const release = selectRelease(publishedReleases(snapshot, config), {
    tag: options.release,
    repository: options.repo,
    preferredRepository: env.githubRepository,
  });
  const shipment = releaseShipment(snapshot, config, release);
  const label = `${shipment.repository} ${shipment.tagName}`;
  log(
    `${options.dryRun ? 'Previewing' : 'Announcing'} ${label}: ${shipment.requests.length} request${shipment.requests.length === 1 ? '' : 's'} shipped${
      shipment.requests.length > 0 ? ` (${shipment.requests.map((request) => `${request.repository}#${request.number}`).join(', ')})` : ''
    }.`,
  );
  if (shipment.isPrerelease) {
    log(`${label} is a pre-release: the requests it shipped are announced once, with the first stable release that contains them.`);
  }

  // Settings are checked before anything is locked or sent.
  const mail = env.subscribersFile === null ? 'ROADMAP_SUBSCRIBERS_FILE is not set' : mailSetup(env, options.dryRun, redact);
  // The whole subscriber list is checked before anything is locked, posted or sent.
  const list = typeof mail === 'string' ? null : await readSubscribers(env.subscribersFile ?? '', io.cwd);
  if (list !== null) {
    redact.addAddresses(list.subscribers.map((subscriber) => subscriber.email));
    for (const warning of list.warnings) log(warning);
  }
  const endpoints = endpointsFromEnv(io.env);
  const preview: PreviewWriter | null = options.dryRun ? await createPreview(resolve(io.cwd, options.out ?? DEFAULT_PREVIEW_DIR)) : null;

  const ledger: Ledger = await openLedger({
    dir: resolve(io.cwd, env.ledgerDir),
    key: env.ledgerKey,
    release: shipment,
    releaseId: shipment.id,
    readOnly: options.dryRun,
    push: env.ledgerPush && !options.dryRun,
    log,
    env: io.env,
  });
  const report: RunReport = {
    release: label,
    dryRun: options.dryRun,
    shippedRequests: shipment.requests.length,
    comments: [],
    commentsNotice: null,
    mailPlan: null,
    mailsNotice: null,
    mailResults: [],
    previewedMails: 0,
    previewDir: preview?.dir ?? null,
    messageIdOf: typeof mail === 'string' ? null : (recipient) => messageIdFor({ releaseId: shipment.id, recipientId: recipient, fromDomain: mail.fromDomain }),
    stop: null,
  };
  try {
    if (Array.isArray(options.resendUnknown)) checkUnknownIds(ledger, options.resendUnknown, '--resend-unknown');
    settleUnknownMails(ledger, options.settleUnknown, options.dryRun, log);
    if (ledger.settledUnknown > 0) {
      log(`An earlier run stopped while sending: ${ledger.settledUnknown} mail${ledger.settledUnknown === 1 ? ' is' : 's are'} now unknown and will not be sent again unless you run with --resend-unknown.`);
    }

    // GitHub comments.
    const api = env.token === null ? null : createGitHubCommentsApi({ token: env.token, endpoints, delayScale: env.delayScale, log });
    if (api === null && !options.dryRun) {
      report.commentsNotice = 'GITHUB_TOKEN is not set';
    } else {
      report.comments = await postShippedComments({
        shipment,
        language: config.site.language,
        api,
        journal: ledger.journal,
        stop,
        log,
        remote: ledger.remote,
        releaseLabel: label,
        ...(preview === null ? {} : { preview: (item, body) => preview.writeComment(item, body) }),
      });
    }

    // Emails.
    // A release announced with another ledger (the marker is on GitHub, this ledger never posted it)
    // and no mail recorded: this ledger cannot know who was mailed or suppressed.
    const markersWithoutRecord =
      ledger.journal.mailEntries().length === 0
        ? Math.max(report.comments.filter((result) => result.foundWithoutRecord === true).length, ledger.journal.commentsFoundWithoutRecord())
        : 0;
    if (typeof mail === 'string') {
      report.mailsNotice = mail;
    } else if (markersWithoutRecord > 0 && !options.trustEmptyLedger) {
      stop.stop(
        `The ledger in ${ledger.dir} has no record of ${label}, but GitHub already carries ${markersWithoutRecord} of its "shipped" comment${markersWithoutRecord === 1 ? '' : 's'}, so an earlier run announced it with a ledger that is lost (or is not this one). ` +
          'Mailing now would mail every subscriber again, suppressed addresses included, so no mail was sent.',
        'Restore the ledger (the roadmap-ledger branch, or the ROADMAP_LEDGER_DIR of the earlier run) and run again. ' +
          'If you know no mail went out for this release, run with --trust-empty-ledger; add the addresses that bounced before with --suppress first.',
      );
    } else if (!stop.stopped && api !== null && ledger.knowsNoOtherRelease && !options.trustEmptyLedger && ledger.journal.mailEntries().length === 0) {
      await refuseIfAnnouncedBefore({ api, snapshot, config, shipment, ledger, stop, releases: publishedReleases(snapshot, config) });
    }
    if (typeof mail !== 'string' && !stop.stopped) {
      await announceByMail({ options, env, io, config, shipment, ledger, mail, list: list ?? { subscribers: [], warnings: [] }, preview, report });
    }
  } finally {
    // Whatever stopped the run, what it did is recorded on the branch (a moved branch refuses
    // again, which changes nothing).
    if (ledger.remote !== null) {
      try {
        await ledger.remote.commitAndPush(`Record what ${label} sent before the run ended`);
      } catch (error) {
        if (error instanceof NotifyError) stop.stop(error.message, error.hint);
        else stop.stop(`Could not record the run on the ledger branch: ${(error as Error).message}`, `What was sent is recorded in ${ledger.dir}; push it by hand (git push) before the next run.`);
      }
    }
    report.stop = stop.reason;
    if (preview !== null) await preview.writeIndex(`${formatSummary(report).map((line) => redact(line)).join('\n')}\n`);
    ledger.close();
  }
  for (const line of formatSummary(report)) io.report(line);
  return exitCodeOf(report);
}

interface MailRun {
  options: NotifyOptions;
  env: NotifyEnvironment;
  io: NotifyIo;
  config: RoadmapConfig;
  shipment: ReleaseShipment;
  ledger: Ledger;
  mail: MailSetup;
  list: SubscriberList;
  preview: PreviewWriter | null;
  report: RunReport;
}

interface EarlierReleases {
  api: GitHubCommentsApi;
  snapshot: Snapshot;
  config: RoadmapConfig;
  shipment: ReleaseShipment;
  ledger: Ledger;
  stop: RunStop;
  releases: readonly Release[];
}

/** Earlier releases of the same repository looked at on GitHub when the ledger is new. */
const EARLIER_RELEASES_CHECKED = 3;

/**
 * A ledger that knows no other release is either the first one or a lost one's replacement.
 * GitHub tells them apart: if an
 * earlier release of the repository carries our marker, the notifier announced it with a ledger
 * that is not here, and the suppression list went with it. Mailing would reach the addresses it
 * held, so the run stops instead (`--trust-empty-ledger` overrides).
 */
async function refuseIfAnnouncedBefore(run: EarlierReleases): Promise<void> {
  const { api, shipment, ledger, stop } = run;
  const earlier = run.releases
    .filter((release) => release.repository.toLowerCase() === shipment.repository.toLowerCase() && release.publishedAt < shipment.publishedAt)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, EARLIER_RELEASES_CHECKED);
  const hint =
    'Restore the ledger (the roadmap-ledger branch, or the ROADMAP_LEDGER_DIR of the earlier runs) and run again. ' +
    'If this really is the first ledger for these subscribers, add the addresses that must not be mailed with --suppress, then run with --trust-empty-ledger.';
  for (const release of earlier) {
    let previous: ReleaseShipment;
    try {
      previous = releaseShipment(run.snapshot, run.config, release);
    } catch (error) {
      if (error instanceof NotifyError) continue;
      throw error;
    }
    const item = previous.requests[0]?.items[0];
    if (item === undefined) continue;
    let announced: boolean;
    try {
      announced = (await api.findShippedComment(item, shippedMarker(previous))).hasMarker;
    } catch (error) {
      stop.stop(`The ledger in ${ledger.dir} knows no earlier release, and GitHub could not be asked whether earlier releases were announced (${(error as Error).message}), so no mail was sent.`, hint);
      return;
    }
    if (announced) {
      stop.stop(
        `The ledger in ${ledger.dir} knows no earlier release, but GitHub shows the notifier announced ${previous.repository} ${previous.tagName} (its comment on ${item.url}), so the ledger of earlier runs, with its suppression list, is lost or is not this one. ` +
          'Mailing now could reach addresses that list suppressed, so no mail was sent.',
        hint,
      );
      return;
    }
  }
}

/** Refuses ledger ids that are not unknown mails of this release, before anything is sent. */
function checkUnknownIds(ledger: Ledger, ids: readonly string[], option: string): void {
  // A dry run reads the ledger as an interrupted run left it: `sending` and `claimed` are the unknowns there.
  const wrong = ids.filter((id) => !['unknown', 'sending', 'claimed'].includes(ledger.journal.mail(id)?.state ?? ''));
  if (wrong.length === 0) return;
  throw new NotifyError(
    `${option} names ${wrong.join(', ')}, which ${wrong.length === 1 ? 'is not an unknown mail' : 'are not unknown mails'} of this release in the ledger, so nothing was done.`,
    'Copy the ledger ids from the "Unknown" lines of the summary (and --release, if it was another release).',
  );
}

/**
 * `--settle-unknown`: the person found these mails in the mail server's log, so they are recorded
 * `sent` and never sent again.
 */
function settleUnknownMails(ledger: Ledger, ids: readonly string[], dryRun: boolean, log: (line: string) => void): void {
  checkUnknownIds(ledger, ids, '--settle-unknown');
  for (const id of ids) {
    const entry = ledger.journal.mail(id);
    if (entry === null) continue;
    if (!dryRun) ledger.journal.recordMail(id, entry.mail, 'sent', { detail: 'settled by hand: delivered according to the mail server' });
    log(`${dryRun ? 'Would record' : 'Recorded'} the unknown mail ${id} as delivered.`);
  }
}

async function announceByMail(run: MailRun): Promise<void> {
  const { options, env, io, config, shipment, ledger, mail, list, preview, report } = run;

  const plan: MailPlan = planMails(shipment, list.subscribers, {
    recipientOf: ledger.recipientOf,
    stateOf: (recipient) => ledger.journal.mail(recipient)?.state ?? null,
    isSuppressed: (recipient) => ledger.suppressions.has(recipient),
    resendUnknown: options.resendUnknown,
  });
  report.mailPlan = plan;

  const notes = releaseNotesForEmail({ repository: shipment.repository, body: shipment.body, url: shipment.url, changelogUrl: shipment.changelogUrl });
  const listId = listIdOf(config);
  const contentOf = (planned: PlannedMail): MailContent =>
    mailContent(
      { name: planned.subscriber.name, kind: planned.kind, requests: planned.requests },
      {
        shipment,
        notes,
        siteTitle: config.site.title,
        language: config.site.language,
        accent: config.site.theme.accent,
        unsubscribeUrl: mail.unsubscribeTemplate === null ? null : unsubscribeUrlFor(mail.unsubscribeTemplate, planned.subscriber.email),
      },
    );
  const compose = async (planned: PlannedMail, content: MailContent = contentOf(planned)): Promise<ComposedMail> =>
    composeMail(
      {
        from: mail.from,
        fromAddress: mail.fromAddress,
        fromDomain: mail.fromDomain,
        to: { name: planned.subscriber.name, address: planned.subscriber.email },
        releaseId: shipment.id,
        recipientId: planned.recipient,
        unsubscribeUrl: mail.unsubscribeTemplate === null ? null : unsubscribeUrlFor(mail.unsubscribeTemplate, planned.subscriber.email),
        listId,
        listName: config.site.title,
      },
      content,
    );

  if (preview !== null) {
    for (const planned of plan.mails) {
      const content = contentOf(planned);
      await preview.writeMail(planned, await compose(planned, content), content);
      io.log(`Would mail ${maskAddress(planned.subscriber.email)} (${planned.kind}): ${oneLine(content.subject)}`);
    }
    report.previewedMails = plan.mails.length;
    return;
  }
  if (plan.mails.length === 0 || mail.settings === null) return;

  const delivery = createSmtpDelivery(mail.settings);
  try {
    const problem = await delivery.verify();
    if (problem !== null) {
      io.stop.stop(
        `Could not start sending mail: ${oneLine(problem.status === 'sent' ? problem.response : problem.detail)}.`,
        problem.status === 'fatal' ? problem.hint : 'Check SMTP_URL and that the mail server is up; nothing was mailed, the next run sends everything.',
      );
      return;
    }
    const results: MailResult[] = await sendMails({
      mails: plan.mails,
      compose: (planned) => compose(planned),
      delivery,
      journal: ledger.journal,
      suppressions: ledger.suppressions,
      remote: ledger.remote,
      concurrency: mail.settings.concurrency,
      batchSize: MAIL_BATCH,
      delayScale: env.delayScale,
      stop: io.stop,
      log: io.log,
      releaseLabel: `${shipment.repository} ${shipment.tagName}`,
    });
    report.mailResults = results;
  } finally {
    delivery.close();
  }
}


