/**
 * Every piece of text the notifier writes to people (GitHub comments and emails), in the site's
 * language (`site.language`); the words are in the translation files (`src/i18n/messages/`, the
 * `notify.` keys). Everything here is plain text: callers escape it for Markdown, HTML or headers.
 */
import { textDirection, translator } from '../i18n/messages.ts';

export function notificationStrings(language: string) {
  const t = translator(language);
  return {
    language,
    direction: textDirection(language),
    /** "Shipped in v1.2.0 🎉": the headline of comments and mails. */
    shippedIn: (release: string) => t('notify.shippedIn', { release }),
    peopleAsked: (total: number, anonymous: number): string =>
      total <= 0 ? '' : t('notify.peopleAsked', { total, atLeast: anonymous > 0 ? 'yes' : 'no' }),
    votes: (total: number) => t('notify.votes', { count: total }),
    comment: {
      shipsThis: (release: string) => t('notify.comment.shipsThis', { release }),
      mergedInto: (reference: string, release: string) => t('notify.comment.mergedInto', { reference, release }),
      thanks: t('notify.comment.thanks'),
      roadmapLink: t('notify.comment.roadmapLink'),
      releaseLink: t('notify.comment.releaseLink'),
    },
    mail: {
      personalSubject: (release: string, titles: readonly string[]) =>
        titles.length === 1
          ? t('notify.mail.personalSubjectOne', { release, title: titles[0] ?? '' })
          : t('notify.mail.personalSubjectMany', { release, count: titles.length }),
      digestSubject: (site: string, release: string, shipped: number) => t('notify.mail.digestSubject', { site, release, shipped }),
      greeting: (name: string | null) => (name ? t('notify.mail.greeting', { name }) : t('notify.mail.greetingNoName')),
      personalIntro: (release: string, count: number) => t('notify.mail.personalIntro', { release, count }),
      digestIntro: (release: string, count: number) => t('notify.mail.digestIntro', { release, count }),
      onGitHub: t('notify.mail.onGitHub'),
      alsoShipped: t('notify.mail.alsoShipped'),
      releaseNotes: t('notify.mail.releaseNotes'),
      readOnGitHub: t('notify.mail.readOnGitHub'),
      readOnRoadmap: t('notify.mail.readOnRoadmap'),
      whyPersonal: (site: string) => t('notify.mail.whyPersonal', { site }),
      whyDigest: (site: string) => t('notify.mail.whyDigest', { site }),
      unsubscribe: t('notify.mail.unsubscribe'),
      unsubscribeByReply: t('notify.mail.unsubscribeByReply'),
    },
  };
}

export type NotificationStrings = ReturnType<typeof notificationStrings>;
