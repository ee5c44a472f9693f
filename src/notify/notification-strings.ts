/**
 * Every piece of text the notifier writes to people (GitHub comments and emails), in one place
 * so it can be translated. Counts go through functions, because plural rules differ between
 * languages. Everything here is plain text: callers escape it for Markdown, HTML or headers.
 */
export const notificationStrings = {
  /** "Shipped in v1.2.0 🎉": the headline of comments and mails. */
  shippedIn: (release: string) => `Shipped in ${release} 🎉`,
  peopleAsked: (total: number, anonymous: number): string => {
    if (total <= 0) return '';
    if (anonymous > 0) return `At least ${total.toLocaleString('en')} people asked for it.`;
    return total === 1 ? 'One person asked for it.' : `${total.toLocaleString('en')} people asked for it.`;
  },
  votes: (total: number) => (total === 1 ? '1 vote' : `${total.toLocaleString('en')} votes`),
  comment: {
    shipsThis: (release: string) => `${release} ships this request.`,
    mergedInto: (reference: string, release: string) => `This was merged into ${reference}, which ${release} ships.`,
    thanks: 'Thank you for asking and voting.',
    roadmapLink: 'See it on the roadmap',
    releaseLink: 'Read the release notes',
  },
  mail: {
    personalSubject: (release: string, titles: readonly string[]) =>
      titles.length === 1 ? `Your request shipped in ${release}: ${titles[0] ?? ''}` : `${titles.length} of your requests shipped in ${release}`,
    digestSubject: (site: string, release: string, shipped: number) =>
      shipped === 0
        ? `${site}: ${release} is out`
        : `${site}: ${release} is out, with ${shipped === 1 ? '1 request' : `${shipped} requests`} shipped`,
    greeting: (name: string | null) => (name ? `Hi ${name},` : 'Hi,'),
    personalIntro: (release: string, count: number) =>
      count === 1
        ? `${release} is out, and it ships something you asked for:`
        : `${release} is out, and it ships ${count} things you asked for:`,
    digestIntro: (release: string, count: number) =>
      count === 0
        ? `${release} is out.`
        : `${release} is out, and it ships ${count === 1 ? 'a request' : `${count} requests`} from the roadmap:`,
    onGitHub: 'on GitHub',
    alsoShipped: 'Also in this release',
    releaseNotes: 'Release notes',
    readOnGitHub: 'Read the release on GitHub',
    readOnRoadmap: 'See the release on the roadmap',
    whyPersonal: (site: string) =>
      `You get this email because you subscribed to release news from ${site}, and your GitHub account asked for or voted on these requests.`,
    whyDigest: (site: string) => `You get this email because you subscribed to release news from ${site}.`,
    unsubscribe: 'Unsubscribe',
    unsubscribeByReply: 'To stop these emails, reply with "unsubscribe".',
  },
} as const;
