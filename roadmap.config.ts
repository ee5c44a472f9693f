/**
 * Configuration of the demo roadmap: Lumen, a static site generator, with its issues and
 * Discussions on GitHub. Every option not set here has a documented default; hover an option
 * in an editor to read it, or see src/config/schemas/.
 */
import { defineConfig } from './src/config/index.ts';

export default defineConfig({
  site: {
    title: 'Lumen roadmap',
    description: 'What is planned, in progress and shipped in Lumen, the static site generator.',
    // Served by GitHub Pages at https://lumen-dev.github.io/roadmap/.
    url: 'https://lumen-dev.github.io',
    base: '/roadmap',
    // An image under public/, e.g. 'logo.svg'; null shows the title alone.
    logo: null,
    theme: {
      accent: '#2f5bd3',
      accentDark: '#8fb0ff',
    },
  },

  sources: [
    {
      repo: 'lumen-dev/lumen',
      // Only feature requests: bug reports stay on GitHub.
      issues: { labels: ['enhancement'] },
      discussions: { categories: ['ideas'] },
      // "Suggest a feature" opens a new Discussion in Ideas (its form: .github/DISCUSSION_TEMPLATE/ideas.yml).
      suggest: { discussionCategory: 'ideas' },
    },
    {
      repo: 'lumen-dev/lumen-docs',
      issues: { labels: ['enhancement'] },
      // The docs repository has no Discussions.
      discussions: false,
      // No `suggest`: GitHub's new-issue chooser, the default for a source with issues.
    },
  ],

  statuses: {
    // Label on GitHub → column on the roadmap. Replaces the default map, so list them all.
    labels: {
      'status: under review': 'under-review',
      'status: planned': 'planned',
      'status: in progress': 'in-progress',
      'status: shipped': 'shipped',
      'status: declined': 'declined',
    },
    // An open item in a milestone counts as planned; null would ignore milestones.
    milestone: 'planned',
  },

  // The maintainers plan in a GitHub Project: https://github.com/orgs/lumen-dev/projects/1.
  // Its Status and Cycle fields decide the status and Now / Next / Later of the issues in it,
  // over their labels and milestones (see docs/projects.md).
  project: {
    organization: 'lumen-dev',
    number: 1,
    status: {
      field: 'Status',
      options: { Backlog: 'under-review', Planned: 'planned', 'In progress': 'in-progress', Done: 'shipped' },
    },
    // An iteration field: the running cycle is Now, the next one Next, any after it Later.
    horizon: { field: 'Cycle' },
  },

  votes: {
    // 👍 and ❤️ both count as a vote (one per person); emoji and REST names work too.
    reactions: ['THUMBS_UP', 'HEART'],
    countAuthor: true,
    trendingHalfLifeDays: 14,
  },

  exclude: {
    labels: ['spam', 'invalid', 'wontfix'],
    users: [],
    bots: true,
  },

  sync: {
    // Incremental syncs in between; a full pass once a day.
    fullSyncEveryHours: 24,
    comments: 5,
  },

  // Requests that arrived outside GitHub: the support inbox, and the Fider board Lumen left
  // (its backup, unzipped). Only counts reach the site, never a name or an address.
  channels: [
    { name: 'Email', file: 'content/channels/email.csv' },
    {
      name: 'Old Fider board',
      file: 'content/channels/old-fider-board',
      format: 'fider',
      // Fider knew nothing of GitHub: its post 1 is issue #12.
      duplicateOf: { '1': 'lumen-dev/lumen#12' },
    },
  ],
});
