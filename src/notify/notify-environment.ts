/**
 * What the notifier reads from the environment. GitHub Actions passes a secret that is not set as
 * an empty string, so an empty value means "not set" throughout.
 */
import { NotifyError } from './notify-error.ts';

export interface NotifyEnvironment {
  /** GITHUB_TOKEN (or GH_TOKEN): comments need it. */
  token: string | null;
  /** SMTP_URL: `smtp://user:pass@host:587`; mails need it. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender. */
  mailFrom: string | null;
  /** ROADMAP_SUBSCRIBERS_FILE: the private subscriber list (CSV or JSON). */
  subscribersFile: string | null;
  /** ROADMAP_UNSUBSCRIBE_URL: where the unsubscribe link leads. */
  unsubscribeUrl: string | null;
  /** ROADMAP_LEDGER_DIR, default `.ledger`. */
  ledgerDir: string;
  /** ROADMAP_LEDGER_PUSH=true: the ledger directory is a checkout of the ledger branch; push it. */
  ledgerPush: boolean;
  /** ROADMAP_LEDGER_KEY: optional secret mixed into the recipients' hashes. */
  ledgerKey: string | null;
  /** ROADMAP_SNAPSHOT_DIR. */
  snapshotDir: string | null;
  /** GITHUB_REPOSITORY (set by Actions): which repository's release to prefer when several match. */
  githubRepository: string | null;
  /** ROADMAP_NOTIFY_DELAY_SCALE: multiplies every wait; for tests. Default 1. */
  delayScale: number;
}

export const DEFAULT_LEDGER_DIR = '.ledger';

function value(env: NodeJS.ProcessEnv, name: string): string | null {
  const text = env[name];
  return text === undefined || text.trim() === '' ? null : text;
}

export function readNotifyEnvironment(env: NodeJS.ProcessEnv): NotifyEnvironment {
  const push = (value(env, 'ROADMAP_LEDGER_PUSH') ?? 'false').trim().toLowerCase();
  if (push !== 'true' && push !== 'false') {
    throw new NotifyError('ROADMAP_LEDGER_PUSH must be true or false.', 'Set it to true where the ledger directory is a checkout of the ledger branch (GitHub Actions), or leave it unset.');
  }
  const scaleText = value(env, 'ROADMAP_NOTIFY_DELAY_SCALE');
  const delayScale = scaleText === null ? 1 : Number(scaleText);
  if (!Number.isFinite(delayScale) || delayScale < 0) {
    throw new NotifyError('ROADMAP_NOTIFY_DELAY_SCALE must be a number of 0 or more.', 'Leave it unset outside tests.');
  }
  return {
    token: value(env, 'GITHUB_TOKEN') ?? value(env, 'GH_TOKEN'),
    smtpUrl: value(env, 'SMTP_URL'),
    mailFrom: value(env, 'MAIL_FROM'),
    subscribersFile: value(env, 'ROADMAP_SUBSCRIBERS_FILE'),
    unsubscribeUrl: value(env, 'ROADMAP_UNSUBSCRIBE_URL'),
    ledgerDir: value(env, 'ROADMAP_LEDGER_DIR') ?? DEFAULT_LEDGER_DIR,
    ledgerPush: push === 'true',
    ledgerKey: value(env, 'ROADMAP_LEDGER_KEY'),
    snapshotDir: value(env, 'ROADMAP_SNAPSHOT_DIR'),
    githubRepository: value(env, 'GITHUB_REPOSITORY'),
    delayScale,
  };
}
