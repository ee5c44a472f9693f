/**
 * Every piece of text the site itself writes, in the site's language (`site.language`), shaped
 * for the pages: plain strings, and functions for text with values in it. The words are in the
 * translation files (`messages/`); status names come from `statuses.names` in the configuration,
 * whose defaults are the language's.
 */
import { textDirection, translator, type MessageKey } from './messages.ts';

type ItemType = 'issue' | 'discussion';

function buildStrings(language: string) {
  const t = translator(language);
  const record = <Name extends string>(prefix: string, names: readonly Name[]) =>
    Object.fromEntries(names.map((name) => [name, t(`${prefix}.${name}` as MessageKey)])) as Record<Name, string>;
  const lower = (text: string) => text.toLocaleLowerCase(language);
  const direction = textDirection(language);
  return {
    language,
    /** `dir` of the pages: `rtl` lays them out mirrored. */
    direction,
    /** Arrows point where the reading goes: "back" points right in a right-to-left language. */
    arrow: direction === 'rtl' ? { back: '→', forward: '←' } : { back: '←', forward: '→' },
    skipToContent: t('skipToContent'),
    nav: {
      label: t('nav.label'),
      board: t('nav.board'),
      requests: t('nav.requests'),
      changelog: t('nav.changelog'),
      search: t('nav.search'),
      about: t('nav.about'),
    },
    suggest: {
      link: t('suggest.link'),
      title: t('suggest.title'),
      description: t('suggest.description'),
      intro: t('suggest.intro'),
      opens: (type: ItemType) => t('suggest.opens', { type }),
      none: t('suggest.none'),
      searchNothingFound: t('suggest.searchNothingFound'),
      searchFirst: t('suggest.searchFirst'),
    },
    theme: {
      toggle: t('theme.toggle'),
    },
    footer: {
      updated: t('footer.updated'),
      feeds: t('footer.feeds'),
      releasesRss: t('footer.releasesRss'),
      releasesAtom: t('footer.releasesAtom'),
      api: t('footer.api'),
      poweredBy: t('footer.poweredBy'),
    },
    board: {
      title: t('board.title'),
      intro: t('board.intro'),
      viewAll: (count: number, status: string) => t('board.viewAll', { count, status: lower(status) }),
      empty: t('board.empty'),
      horizons: t('board.horizons'),
      horizonNames: record('board.horizon', ['now', 'next', 'later']),
      due: (date: string) => t('board.due', { date }),
      noDueDate: t('board.noDueDate'),
      moreInMilestone: (count: number) => t('board.moreInMilestone', { count }),
    },
    requests: {
      title: t('requests.title'),
      description: t('requests.description'),
      sortLabel: t('requests.sortLabel'),
      sorts: record('requests.sort', ['top', 'trending', 'newest', 'shipped']),
      filterLabel: t('requests.filterLabel'),
      all: t('requests.all'),
      statusFilter: t('requests.statusFilter'),
      repositoryFilter: t('requests.repositoryFilter'),
      labelFilter: t('requests.labelFilter'),
      filteredTitle: (what: string) => t('requests.filteredTitle', { what }),
      count: (count: number) => t('requests.count', { count }),
      empty: t('requests.empty'),
      truncated: (shown: number) => t('requests.truncated', { shown }),
      searchForMore: t('requests.searchForMore'),
      page: (page: number, pages: number) => t('requests.page', { page, pages }),
      previous: t('requests.previous'),
      next: t('requests.next'),
      pagination: t('requests.pagination'),
    },
    request: {
      votes: (count: number) => t('request.votes', { count }),
      votesCount: (count: number) => t('request.votesCount', { count }),
      voteOnGitHub: t('request.voteOnGitHub'),
      votingClosed: (status: string) => t('request.votingClosed', { status }),
      voteHint: (type: ItemType) => t('request.voteHint', { type }),
      subscribe: t('request.subscribe'),
      subscribeHint: t('request.subscribeHint'),
      subscribeOnGitHub: t('request.subscribeOnGitHub'),
      statusFeed: t('request.statusFeed'),
      badge: t('request.badge'),
      badgeMarkdown: t('request.badgeMarkdown'),
      status: t('request.status'),
      details: t('request.details'),
      history: t('request.history'),
      opened: t('request.opened'),
      voters: t('request.voters'),
      anonymous: (count: number) => t('request.anonymous', { count }),
      moreVoters: (count: number) => t('request.moreVoters', { count }),
      noVotes: t('request.noVotes'),
      noVotesClosed: t('request.noVotesClosed'),
      mergedFrom: t('request.mergedFrom'),
      mergedFromHint: t('request.mergedFromHint'),
      pullRequests: t('request.pullRequests'),
      shippedIn: t('request.shippedIn'),
      milestone: t('request.milestone'),
      labels: t('request.labels'),
      description: t('request.description'),
      noDescription: t('request.noDescription'),
      comments: t('request.comments'),
      commentsCount: (count: number) => t('request.commentsCount', { count }),
      readAllComments: (count: number) => t('request.readAllComments', { count }),
      maintainer: t('request.maintainer'),
      deletedAccount: t('request.deletedAccount'),
      openedBy: (login: string) => t('request.openedBy', { login }),
      issue: t('request.issue'),
      discussion: t('request.discussion'),
      itemName: (type: ItemType, repository: string, number: number) =>
        t('request.itemName', { type, reference: `${repository}#${number}` }),
      merged: (date: string) => t('request.merged', { date }),
      statusChanged: (status: string) => t('request.statusChanged', { status }),
      shippedFeedEntry: (release: string) => t('request.shippedFeedEntry', { release }),
      feedSubtitle: t('request.feedSubtitle'),
    },
    changelog: {
      title: t('changelog.title'),
      description: t('changelog.description'),
      prerelease: t('changelog.prerelease'),
      shipped: (count: number) => t('changelog.shipped', { count }),
      shippedHeading: t('changelog.shippedHeading'),
      notes: t('changelog.notes'),
      viewOnGitHub: t('changelog.viewOnGitHub'),
      empty: t('changelog.empty'),
      allReleases: t('changelog.allReleases'),
      publishedBy: (login: string) => t('changelog.publishedBy', { login }),
      thanksHeading: t('changelog.thanksHeading'),
      thanks: (count: number) => t('changelog.thanks', { count }),
      milestonesLink: t('changelog.milestonesLink'),
    },
    /** Requests imported from a channel file (email, forms, an old board): never a person's name. */
    channels: {
      from: (channel: string) => t('channels.from', { channel }),
      requestFrom: (channel: string) => t('channels.requestFrom', { channel }),
      voteHint: (channel: string) => t('channels.voteHint', { channel }),
      viewOriginal: (channel: string) => t('channels.viewOriginal', { channel }),
      peopleFrom: (count: number, channel: string) => t('channels.peopleFrom', { count, channel }),
      subscribeHint: t('channels.subscribeHint'),
    },
    milestones: {
      title: t('milestones.title'),
      description: t('milestones.description'),
      empty: t('milestones.empty'),
      open: t('milestones.open'),
      closed: t('milestones.closed'),
      progress: (done: number, total: number) => t('milestones.progress', { done, total }),
      progressLabel: (title: string) => t('milestones.progressLabel', { title }),
      requestsHeading: t('milestones.requestsHeading'),
      viewOnGitHub: t('milestones.viewOnGitHub'),
      allMilestones: t('milestones.allMilestones'),
    },
    cards: {
      topRequests: t('cards.topRequests'),
      roadmap: t('cards.roadmap'),
      latestRelease: (name: string, date: string) => t('cards.latestRelease', { name, date }),
      noRelease: t('cards.noRelease'),
      votes: t('cards.votes'),
      noOpenRequests: t('cards.noOpenRequests'),
      nothingPlanned: t('cards.nothingPlanned'),
      noReleaseYet: t('cards.noReleaseYet'),
      shippedNothing: t('cards.shippedNothing'),
      more: (count: number) => t('cards.more', { count }),
      moreMilestones: (count: number) => t('cards.moreMilestones', { count }),
      title: (card: string, site: string) => t('cards.title', { card, site }),
    },
    embed: {
      title: t('embed.title'),
      intro: t('embed.intro'),
      empty: t('embed.empty'),
      viewAll: t('embed.viewAll'),
      opensInNewTab: t('embed.opensInNewTab'),
    },
    related: {
      heading: t('related.heading'),
      hint: t('related.hint'),
    },
    merged: {
      title: (title: string) => t('merged.title', { title }),
      description: (request: string) => t('merged.description', { request }),
      heading: t('merged.heading'),
      body: (item: string) => t('merged.body', { item }),
      goTo: t('merged.goTo'),
      onGitHub: t('merged.onGitHub'),
    },
    moved: {
      title: (title: string) => t('moved.title', { title }),
      description: (request: string) => t('moved.description', { request }),
      heading: t('moved.heading'),
      body: t('moved.body'),
      stableHeading: t('moved.stableHeading'),
      stableBody: t('moved.stableBody'),
      goTo: t('moved.goTo'),
      onGitHub: t('moved.onGitHub'),
    },
    maintainers: {
      title: t('maintainers.title'),
      description: t('maintainers.description'),
      intro: t('maintainers.intro'),
      reports: t('maintainers.reports'),
      priorities: t('maintainers.priorities'),
      prioritiesHint: t('maintainers.prioritiesHint'),
      duplicates: t('maintainers.duplicates'),
      duplicatesHint: t('maintainers.duplicatesHint'),
      problems: t('maintainers.problems'),
      problemsHint: t('maintainers.problemsHint'),
      problemsCount: (count: number) => t('maintainers.problemsCount', { count }),
      noProblems: t('maintainers.noProblems'),
      item: t('maintainers.item'),
      problem: t('maintainers.problem'),
      fix: t('maintainers.fix'),
      problemKinds: record('maintainers.problemKind', ['self-reference', 'unavailable-original', 'no-original', 'cycle']),
      merged: (duplicates: number, requests: number) => t('maintainers.merged', { duplicates, requests }),
    },
    priorities: {
      title: t('priorities.title'),
      description: t('priorities.description'),
      intro: t('priorities.intro'),
      formula: t('priorities.formula'),
      labelsHint: t('priorities.labelsHint'),
      caption: t('priorities.caption'),
      sortedBy: (column: string) => t('priorities.sortedBy', { column: lower(column) }),
      sortBy: (column: string) => t('priorities.sortBy', { column: lower(column) }),
      showing: (shown: number, total: number) => t('priorities.showing', { shown, total, partial: shown < total ? 'yes' : 'no' }),
      empty: t('priorities.empty'),
      rank: t('priorities.rank'),
      request: t('priorities.request'),
      columns: record('priorities.column', ['score', 'votes', 'recent', 'comments', 'impact', 'priority', 'effort']),
      noLabel: t('priorities.noLabel'),
      back: t('priorities.back'),
    },
    suggestions: {
      title: t('suggestions.title'),
      description: t('suggestions.description'),
      intro: t('suggestions.intro'),
      summary: (shown: number, total: number, requests: number, threshold: number) =>
        t('suggestions.summary', { shown, total, requests, threshold, partial: shown < total ? 'yes' : 'no' }),
      none: t('suggestions.none'),
      caption: t('suggestions.caption'),
      score: t('suggestions.score'),
      request: t('suggestions.request'),
      looksLike: t('suggestions.looksLike'),
      sharedTerms: t('suggestions.sharedTerms'),
      votes: (count: number) => t('request.votesCount', { count }),
      onGitHub: (reference: string, type: ItemType) => t('suggestions.onGitHub', { reference, type }),
    },
    notFound: {
      title: t('notFound.title'),
      body: t('notFound.body'),
      back: t('notFound.back'),
      search: t('notFound.search'),
    },
    search: {
      title: t('search.title'),
      description: (site: string) => t('search.description', { site }),
      noScript: t('search.noScript'),
      browseAll: t('search.browseAll'),
    },
    badge: {
      label: t('badge.label'),
    },
    markdown: {
      taskLabels: { done: t('markdown.taskDone'), open: t('markdown.taskOpen') },
    },
  };
}

export type UiStrings = ReturnType<typeof buildStrings>;

const cache = new Map<string, UiStrings>();

/** The site's text in `language` (a BCP 47 tag with a translation, see `messages.ts`). */
export function uiStrings(language: string): UiStrings {
  let strings = cache.get(language);
  if (!strings) {
    strings = buildStrings(language);
    cache.set(language, strings);
  }
  return strings;
}
