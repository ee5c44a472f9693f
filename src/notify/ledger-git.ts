/**
 * The ledger as a branch (`roadmap-ledger` in GitHub Actions, see .github/workflows/notify.yml):
 * the runner that sends is thrown away afterwards, so what it sent must be pushed while it works.
 * Before sending, the checkout is brought up to date with the branch (or the run is refused if
 * they diverged); after each batch, the ledger is committed and pushed. A rejected push means
 * another run moved the branch since: this run's view of who was told is stale, so it stops.
 *
 * git runs without a shell; credentials come from the checkout's own configuration (actions/
 * checkout with `persist-credentials: true`), never from our command line or output.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { promisify } from 'node:util';
import { NotifyError } from './notify-error.ts';
import type { RunStop } from './run-stop.ts';

const run = promisify(execFile);

/** The push was rejected: someone else pushed to the ledger branch during this run. */
export class LedgerMovedError extends NotifyError {
  override name = 'LedgerMovedError';
}

export interface LedgerRemote {
  readonly branch: string;
  /** Brings the checkout up to date with the branch before anything is sent, or refuses. */
  catchUp(): Promise<void>;
  /** Commits the ledger's changes, if any, and pushes them. */
  commitAndPush(message: string): Promise<'pushed' | 'unchanged'>;
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function git(dir: string, args: readonly string[]): Promise<GitResult> {
  try {
    const { stdout, stderr } = await run('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (error) {
    const failure = error as { code?: number | string; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new NotifyError('git is not installed, but ROADMAP_LEDGER_PUSH=true needs it to push the ledger.', 'Install git, or set ROADMAP_LEDGER_PUSH=false.');
    }
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: (failure.stdout ?? '').trim(), stderr: (failure.stderr ?? '').trim() };
  }
}

/** The last line git wrote on stderr, which is where it says what went wrong. */
function reason(result: GitResult): string {
  return (result.stderr || result.stdout).split('\n').filter((line) => line.trim() !== '').at(-1) ?? `git exited with ${result.code}`;
}

export async function openLedgerRemote(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<LedgerRemote> {
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0 || (await realpath(top.stdout).catch(() => top.stdout)) !== (await realpath(dir).catch(() => dir))) {
    throw new NotifyError(
      `ROADMAP_LEDGER_PUSH is true, but ${dir} is not the top of a git checkout.`,
      'Check out the ledger branch there (notify.yml does: actions/checkout with ref: roadmap-ledger, path: .ledger), or set ROADMAP_LEDGER_PUSH=false to keep the ledger local.',
    );
  }
  const head = await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const branch = head.code === 0 && head.stdout !== '' ? head.stdout : (env.LEDGER_BRANCH ?? '');
  if (branch === '') {
    throw new NotifyError(
      `The ledger checkout in ${dir} is not on a branch, so there is nothing to push to.`,
      'Check out the ledger branch (git switch roadmap-ledger), or set LEDGER_BRANCH to its name.',
    );
  }
  if ((await git(dir, ['remote', 'get-url', 'origin'])).code !== 0) {
    throw new NotifyError(`The ledger checkout in ${dir} has no remote named origin to push to.`, 'Clone the ledger branch from the repository, or set ROADMAP_LEDGER_PUSH=false.');
  }

  const identity = async (): Promise<string[]> => {
    const configured = await git(dir, ['config', 'user.email']);
    return configured.code === 0 && configured.stdout !== ''
      ? []
      : ['-c', 'user.name=open-roadmap', '-c', 'user.email=open-roadmap@users.noreply.github.com'];
  };

  return {
    branch,
    async catchUp() {
      const fetched = await git(dir, ['fetch', '--quiet', 'origin', `refs/heads/${branch}`]);
      if (fetched.code !== 0) {
        // A branch that does not exist yet is created by the first push.
        if (/couldn't find remote ref/i.test(fetched.stderr)) return;
        throw new NotifyError(`Could not fetch the ledger branch ${branch}: ${reason(fetched)}`, 'Check the network and that the token may read the repository, then run again. Nothing was sent.');
      }
      if ((await git(dir, ['merge-base', '--is-ancestor', 'FETCH_HEAD', 'HEAD'])).code === 0) return;
      if ((await git(dir, ['merge-base', '--is-ancestor', 'HEAD', 'FETCH_HEAD'])).code === 0) {
        const merged = await git(dir, ['merge', '--ff-only', '--quiet', 'FETCH_HEAD']);
        if (merged.code === 0) return;
        throw new NotifyError(`Could not bring the ledger up to date with ${branch}: ${reason(merged)}`, 'Check out the ledger branch afresh and run again. Nothing was sent.');
      }
      throw new LedgerMovedError(
        `The ledger checkout in ${dir} and the ${branch} branch have diverged, so this run cannot tell who was already told. Nothing was sent.`,
        'Another run must have written to the ledger. Check out the branch afresh (or re-run the workflow) and run again.',
      );
    },
    async commitAndPush(message) {
      const added = await git(dir, ['add', '--all', '--', '.']);
      if (added.code !== 0) throw new NotifyError(`Could not stage the ledger: ${reason(added)}`, 'Check the ledger checkout, then run again.');
      const staged = await git(dir, ['diff', '--cached', '--quiet']);
      if (staged.code === 0) {
        const ahead = await git(dir, ['rev-list', '--count', `origin/${branch}..HEAD`]);
        if (ahead.code === 0 && ahead.stdout === '0') return 'unchanged';
      } else {
        const committed = await git(dir, [...(await identity()), 'commit', '--quiet', '--no-verify', '-m', message]);
        if (committed.code !== 0) throw new NotifyError(`Could not commit the ledger: ${reason(committed)}`, 'Check the ledger checkout, then run again.');
      }
      const pushed = await git(dir, ['push', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`]);
      if (pushed.code === 0) {
        // Keeps origin/<branch> current, so the next "anything to push?" check is right.
        await git(dir, ['update-ref', `refs/remotes/origin/${branch}`, 'HEAD']);
        return 'pushed';
      }
      if (/\[rejected\]|non-fast-forward|fetch first|stale info|\[remote rejected\]/i.test(`${pushed.stdout}\n${pushed.stderr}`)) {
        throw new LedgerMovedError(
          `The ledger branch ${branch} was moved by another run while this one was sending, so the push was refused and this run stopped sending.`,
          `What this run sent is recorded in ${dir} but not on the branch. Two runs must not announce at once (notify.yml queues them); re-run the workflow to finish the rest.`,
        );
      }
      throw new NotifyError(
        `Could not push the ledger to ${branch}: ${reason(pushed)}`,
        `This run stopped sending. What it sent is recorded in ${dir}; check that the token may push (contents: write) and re-run.`,
      );
    },
  };
}

/**
 * Commits and pushes the ledger; a push git refuses (another run moved the branch, no access)
 * stops the run and answers false instead of throwing, so what is in flight is still recorded.
 */
export async function pushOrStop(remote: LedgerRemote, stop: RunStop, message: string): Promise<boolean> {
  try {
    await remote.commitAndPush(message);
    return true;
  } catch (error) {
    if (!(error instanceof NotifyError)) throw error;
    stop.stop(error.message, error.hint);
    return false;
  }
}
