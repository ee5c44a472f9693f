/**
 * Every error a person may see from the sync, and the notifier's errors about GitHub: a name, what
 * happened (`message`) and what to do (`hint`), as data, in the way of Astro's `errors-data.ts`.
 * Messages say what happened and why; hints say what to do; no "Error:" prefix. Thrown as
 * `new RoadmapError(ErrorsData.Name, params)` (`roadmap-error.ts`).
 */
import type { ErrorData } from './roadmap-error.ts';

/** The command a hint sends the person back to. */
export type Command = 'sync' | 'notifier';

interface Request {
  /** `GET https://api.github.com/repos/…`, as the throttling plugin saw it. */
  request: string;
  command: Command;
}

interface Unreachable {
  variable: 'GITHUB_API_URL' | 'GITHUB_GRAPHQL_URL';
  url: string;
  /** Node's words for the failure, e.g. "connection refused". */
  what: string;
  code: string;
  command: Command;
}

/** What went wrong, what it concerned (`the issues of acme/widgets`), GitHub's own words. */
interface Refusal {
  what: string;
  status: number;
  detail: string;
}

interface GraphqlSummary {
  /** `TYPE: message at path`, GitHub's first error. */
  summary: string;
  /** ` (and 2 more)`, or empty. */
  more: string;
}

const resumesAfterReset = ({ command }: { command: Command }) =>
  command === 'sync'
    ? 'Nothing was published. Run the sync again after the reset: it resumes from where it stopped.'
    : 'Run the notifier again after the reset: what was already announced is skipped.';

/** What a token needs to read a GitHub Project (docs/projects.md). */
const PROJECT_ACCESS =
  'A classic personal access token needs the `read:project` scope; a fine-grained token needs "Projects: read" on the organization (a user\'s project: a classic token). The GITHUB_TOKEN of GitHub Actions cannot read projects: store such a token as a secret and pass it as GITHUB_TOKEN to the sync step (see docs/projects.md).';

/** Types an entry: its hint takes the same parameters as its message. */
function entry<P = void>(data: ErrorData<P>): ErrorData<P> {
  return data;
}

export const ErrorsData = {
  // GitHub, for both commands (src/github/).
  GitHubUrlInvalid: entry({
    name: 'GitHubUrlInvalid',
    message: ({ variable, value }: { variable: string; value: string }) => `${variable} is not a URL: "${value}".`,
    hint: ({ variable }) => `Set ${variable} to an http(s) URL such as https://api.github.com, or unset it to use github.com.`,
  }),
  GitHubTimeout: entry({
    name: 'GitHubTimeout',
    message: ({ api, timeout }: { api: 'REST' | 'GraphQL'; timeout: string; command: Command }) => `A ${api} request got no answer within ${timeout}.`,
    hint: ({ command }) =>
      command === 'sync'
        ? 'GitHub was slow to answer; run the sync again. (ROADMAP_SYNC_TIMEOUT_MS sets how long a request may take.)'
        : 'GitHub or the network had a problem; run the notifier again later.',
    transient: true,
  }),
  GitHubConnectionDropped: entry({
    name: 'GitHubConnectionDropped',
    message: ({ variable, url, what, code }: Unreachable) => `Could not reach ${variable} (${url}): ${what} (${code}).`,
    hint: ({ command }) => `The network or the server dropped the connection; run the ${command} again in a few minutes.`,
    transient: true,
  }),
  GitHubUnreachable: entry({
    name: 'GitHubUnreachable',
    message: ({ variable, url, what, code }: Unreachable) => `Could not reach ${variable} (${url}): ${what} (${code}).`,
    hint: ({ variable, command }) =>
      `Check that ${variable} is right (unset it to use github.com) and that the server is up and reachable from here, then run the ${command} again.`,
  }),
  GitHubTokenRejected: entry({
    name: 'GitHubTokenRejected',
    message: 'GitHub rejected the token (401 Bad credentials).',
    hint: 'Check GITHUB_TOKEN: it may be expired or revoked. In GitHub Actions, pass `secrets.GITHUB_TOKEN`.',
  }),
  RateLimitExhausted: entry({
    name: 'RateLimitExhausted',
    message: ({ request, minutes }: Request & { minutes: number }) => `GitHub's rate limit is used up (on ${request}) and resets in ${minutes} minutes.`,
    hint: resumesAfterReset,
    resumable: true,
  }),
  SecondaryRateLimitExhausted: entry({
    name: 'SecondaryRateLimitExhausted',
    message: ({ request, waits }: Request & { waits: number }) => `GitHub's secondary rate limit kept refusing requests (on ${request}), ${waits} waits in a row.`,
    hint: ({ command }) =>
      command === 'sync'
        ? 'Nothing was published. Secondary limits come from many requests in a short time, not from the token. Wait a few minutes and run the sync again: it resumes from where it stopped.'
        : 'Secondary limits come from many requests in a short time, not from the token. Wait a few minutes and run the notifier again: what was already announced is skipped.',
    resumable: true,
  }),

  // The sync's requests (src/sync/github-client.ts, adaptive-pages.ts).
  SyncRetriesExhausted: entry({
    name: 'SyncRetriesExhausted',
    message: ({ failure, retried }: { failure: string; retried: string; hint: string }) => `${failure} ${retried}`,
    hint: ({ hint }) => hint,
  }),
  SyncQueryTooLong: entry({
    name: 'SyncQueryTooLong',
    message: ({ what }: { what: string }) => `GitHub answered ${what} with errors and incomplete data ("Something went wrong while executing your query").`,
    hint: 'Nothing was published. GitHub usually answers this when a query runs too long; run the sync again later.',
    transient: true,
  }),
  SyncRefused: entry({
    name: 'SyncRefused',
    message: ({ what, status, detail }: Refusal) => `GitHub refused ${what} (${status}): ${detail}`,
    hint: "The token may lack access to this repository, or a rate limit was hit. Check the token's permissions (issues: read, discussions: read, contents: read) and run again later.",
  }),
  SyncNotFound: entry({
    name: 'SyncNotFound',
    message: ({ what }: { what: string }) => `GitHub answered 404 for ${what}.`,
    hint: 'Check the repository name in roadmap.config.ts and that the token can see it (private repositories need a token with access).',
  }),
  SyncServerError: entry({
    name: 'SyncServerError',
    message: ({ what, status }: { what: string; status: number }) => `GitHub answered ${status} for ${what}.`,
    hint: 'GitHub had a problem; run the sync again in a few minutes.',
    transient: true,
  }),
  SyncNoAnswer: entry({
    name: 'SyncNoAnswer',
    message: ({ what, detail }: { what: string; detail: string }) => `Could not reach GitHub for ${what}: ${detail}`,
    hint: 'Check the network and GITHUB_API_URL / GITHUB_GRAPHQL_URL, then run the sync again.',
    transient: true,
  }),
  SyncUnexpectedStatus: entry({
    name: 'SyncUnexpectedStatus',
    message: ({ what, status, detail }: Refusal) => `GitHub answered ${status} for ${what}: ${detail}`,
    hint: 'Run the sync again; if it keeps failing, report it with this message.',
  }),
  GraphqlRepositoryNotFound: entry({
    name: 'GraphqlRepositoryNotFound',
    message: ({ summary }: GraphqlSummary) => `GitHub found no such repository: ${summary}.`,
    hint: 'Check `sources[].repo` in roadmap.config.ts, and that GITHUB_TOKEN can read it (a private repository needs a token with access to it).',
  }),
  GraphqlNotFound: entry({
    name: 'GraphqlNotFound',
    message: ({ summary, more }: GraphqlSummary) => `GitHub could not find something the sync asked for: ${summary}${more}.`,
    hint: 'Check the repository names in roadmap.config.ts and that the token can see them.',
  }),
  GraphqlForbidden: entry({
    name: 'GraphqlForbidden',
    message: ({ summary, more }: GraphqlSummary) => `GitHub refused part of the query: ${summary}${more}.`,
    hint: "Check the token's permissions: it needs read access to issues, Discussions and contents of every configured repository (a classic token: the `repo` or `public_repo` scope).",
  }),
  GraphqlRateLimited: entry({
    name: 'GraphqlRateLimited',
    message: ({ summary }: GraphqlSummary) => `GitHub's GraphQL rate limit is used up: ${summary}.`,
    hint: 'Nothing was published. Run the sync again after the reset: it resumes from where it stopped.',
    resumable: true,
  }),
  GraphqlIncomplete: entry({
    name: 'GraphqlIncomplete',
    message: ({ summary, more }: GraphqlSummary) => `GitHub answered GraphQL with errors and incomplete data: ${summary}${more}.`,
    hint: 'Nothing was published. GitHub could not finish the query; run the sync again later.',
    transient: true,
  }),
  GraphqlErrors: entry({
    name: 'GraphqlErrors',
    message: ({ summary, more }: GraphqlSummary) => `GitHub answered with errors: ${summary}${more}.`,
    hint: 'The answer was incomplete, so nothing was published. Run the sync again; if it keeps failing, the query may need a smaller page (report it).',
  }),
  UnexpectedAnswer: entry({
    name: 'UnexpectedAnswer',
    message: ({ what, problem }: { what: string; problem: string }) => `GitHub's answer to ${what} was not what the sync expects (${problem}).`,
    hint: 'Nothing was published. If GITHUB_API_URL / GITHUB_GRAPHQL_URL point at a proxy, check it; otherwise run again and report the message if it persists.',
  }),

  // What the sync found (src/sync/sync-source.ts, shrink-guard.ts).
  RepositoryNotFound: entry({
    name: 'RepositoryNotFound',
    message: ({ repository }: { repository: string }) => `Repository ${repository} was not found on GitHub.`,
    hint: 'Check `sources[].repo` in roadmap.config.ts, and that GITHUB_TOKEN can read it.',
  }),
  RepositoryDisappeared: entry({
    name: 'RepositoryDisappeared',
    message: ({ repository }: { repository: string }) => `Repository ${repository} disappeared while syncing.`,
    hint: 'Run the sync again.',
  }),
  DiscussionListingChanged: entry({
    name: 'DiscussionListingChanged',
    message: ({ repository, detail }: { repository: string; detail: string }) =>
      `GitHub could not return a Discussion of ${repository} (${detail}), and the listing changed before it could be identified.`,
    hint: 'Nothing was published. Run the sync again.',
  }),
  EmptyRoadmapRefused: entry({
    name: 'EmptyRoadmapRefused',
    message: 'The sync found no requests at all, so the snapshot was not replaced.',
    hint: 'Check the repositories and the label and category filters in roadmap.config.ts. If the roadmap really is empty, run `npm run sync -- --force`.',
  }),
  ShrunkRoadmapRefused: entry({
    name: 'ShrunkRoadmapRefused',
    message: ({ now, before, apiUrl, counts }: { now: number; before: number; apiUrl: string; counts: string }) =>
      `The sync found ${now} requests where the last sync of the same repositories from ${apiUrl} found ${before} (${counts}): fewer than half, so the snapshot was not replaced.`,
    hint: 'This usually means a token that cannot see the items, or a changed label or category filter in roadmap.config.ts. If the drop is real, run `npm run sync -- --force`.',
  }),

  // The notifier's comments (src/notify/github-comments-api.ts).
  CommentRefused: entry({
    name: 'CommentRefused',
    message: ({ what, status, detail }: Refusal & { write: boolean }) => `GitHub refused ${what} (${status}): ${detail}`,
    hint: ({ write }) =>
      write
        ? 'The token needs write access to issues and Discussions of this repository (issues: write, discussions: write), and the item must still exist.'
        : 'Check that the token can read this repository and that the item still exists.',
  }),
  CommentUnexpectedStatus: entry({
    name: 'CommentUnexpectedStatus',
    message: ({ what, status, detail }: Refusal) => `GitHub answered ${status} to ${what}: ${detail}`,
    hint: 'Report this with the message above.',
  }),
  CommentServerError: entry({
    name: 'CommentServerError',
    message: ({ what, status }: { what: string; status: number }) => `GitHub answered ${status} to ${what}.`,
    hint: 'GitHub or the network had a problem; run the notifier again later.',
  }),
  CommentNoAnswer: entry({
    name: 'CommentNoAnswer',
    message: ({ what, detail }: { what: string; detail: string }) => `${what} got no answer from GitHub: ${detail}`,
    hint: 'GitHub or the network had a problem; run the notifier again later.',
  }),
  CommentNotGraphql: entry({
    name: 'CommentNotGraphql',
    message: ({ what }: { what: string }) => `GitHub answered ${what} with something that is not GraphQL.`,
    hint: 'Check GITHUB_GRAPHQL_URL.',
  }),
  CommentGraphqlError: entry({
    name: 'CommentGraphqlError',
    message: ({ what, type, detail }: { what: string; type: string | null; detail: string }) => `GitHub answered ${what} with an error: ${type ? `${type}: ` : ''}${detail}`,
    hint: ({ type }) =>
      type === 'NOT_FOUND'
        ? 'The item may have been deleted or moved, or the token cannot see it.'
        : type === 'FORBIDDEN'
          ? 'The token needs write access to Discussions (discussions: write).'
          : 'Run the notifier again; if it keeps failing, report it with this message.',
  }),
  CommentsMissing: entry({
    name: 'CommentsMissing',
    message: ({ url }: { url: string }) => `GitHub did not return the comments of ${url}.`,
    hint: 'The item may have been deleted or moved, or the token cannot see it.',
  }),
  CommentUnconfirmed: entry({
    name: 'CommentUnconfirmed',
    message: ({ url }: { url: string; on: 'issue' | 'Discussion' }) => `GitHub did not confirm the comment on ${url}.`,
    hint: ({ on }) => `Look at the ${on}; run the notifier again, it checks before commenting.`,
  }),

  // The notifier's other failures (ledger, subscribers, mail settings) say what happened and what
  // to do in their own words, through NotifyError; they are not yet entries of their own.
  NotifierStopped: entry({
    name: 'NotifierStopped',
    message: ({ message }: { message: string; hint: string }) => message,
    hint: ({ hint }) => hint,
  }),

  // The sync's GitHub Project step (src/sync/sync-project.ts); `project` names it, `acme #3`.
  ProjectFieldMissing: entry({
    name: 'ProjectFieldMissing',
    message: ({ project, field, option, fields }: { project: string; field: string; option: string; fields: string; suggestion: string | null }) =>
      `The project ${project} has no field "${field}" (${option}). Its fields are ${fields}.`,
    hint: ({ option, suggestion }) =>
      `${suggestion === null ? 'Write' : `Did you mean "${suggestion}"? Write`} the field's name exactly as the project shows it in ${option} in roadmap.config.ts.`,
  }),
  ProjectFieldWrongType: entry({
    name: 'ProjectFieldWrongType',
    message: ({ project, field, option, type }: { project: string; field: string; option: string; type: string; allowed: string; fields: string }) =>
      `The field "${field}" of the project ${project} is a ${type} field, which ${option} cannot use.`,
    hint: ({ option, allowed, fields }) => `${option} takes a ${allowed} field. The project's fields are ${fields}.`,
  }),
  ProjectHorizonOptionsMissing: entry({
    name: 'ProjectHorizonOptionsMissing',
    message: ({ project, field }: { project: string; field: string; example: string }) =>
      `The horizon field "${field}" of the project ${project} is a single select field, and project.horizon.options does not say which option is Now, Next or Later.`,
    hint: ({ example }) => `Add options: { ${example} } to project.horizon in roadmap.config.ts.`,
  }),
  ProjectAccessDenied: entry({
    name: 'ProjectAccessDenied',
    message: ({ project, detail }: { project: string; detail: string }) => `The token may not read the project ${project} (${detail}).`,
    hint: PROJECT_ACCESS,
  }),
  ProjectOwnerNotFound: entry({
    name: 'ProjectOwnerNotFound',
    message: ({ project, kind, login }: { project: string; kind: 'organization' | 'user'; login: string }) =>
      `GitHub found no ${kind} "${login}" for the project ${project}.`,
    hint: ({ kind, login }) => {
      const other = kind === 'organization' ? 'user' : 'organization';
      return `Check project.${kind} in roadmap.config.ts; if "${login}" is a${other === 'user' ? ' user' : 'n organization'}, write ${other}: "${login}" instead (the project's address says which: github.com/orgs/… or github.com/users/…).`;
    },
  }),
  ProjectNotFound: entry({
    name: 'ProjectNotFound',
    message: ({ project, number, login }: { project: string; number: number; login: string }) =>
      `GitHub found no project number ${number} of ${login} (${project}), or the token may not see it.`,
    hint: `Check project.number in roadmap.config.ts against the project's address, and that the token can read it. ${PROJECT_ACCESS}`,
  }),
};
