import { z } from 'zod';

/**
 * The groups a release page sorts what it shipped into, by the requests' labels: the first
 * category with a label the request has takes it (labels compare without regard to case);
 * a request that matches none goes under `other`. The same idea as release-drafter's
 * `categories`, so a project that already uses it can copy its mapping.
 */
export const changelogCategorySchema = z.strictObject({
  /** The group's heading on the release page, e.g. "New". */
  title: z.string().trim().min(1),
  /** Requests with any of these labels belong here. */
  labels: z.array(z.string().trim().min(1)).min(1, 'give at least one label, e.g. labels: ["enhancement"]'),
});
export type ChangelogCategory = z.infer<typeof changelogCategorySchema>;

export const DEFAULT_CHANGELOG_CATEGORIES: ChangelogCategory[] = [
  { title: 'New', labels: ['feature', 'enhancement', 'feature request', 'type: feature', 'kind/feature'] },
  { title: 'Improved', labels: ['improvement', 'performance', 'ux', 'accessibility', 'documentation', 'docs'] },
  { title: 'Fixed', labels: ['bug', 'fix', 'regression', 'type: bug', 'kind/bug'] },
];

/** How the changelog presents releases. */
export const changelogSchema = z
  .strictObject({
    /**
     * Groups of shipped requests on each release page, by label, in this order.
     * @default New (feature, enhancement…), Improved (improvement, performance…), Fixed (bug…)
     */
    categories: z.array(changelogCategorySchema).default(() => DEFAULT_CHANGELOG_CATEGORIES),
    /**
     * The heading of the requests no category takes.
     * @default 'Other changes'
     */
    other: z.string().trim().min(1).default('Other changes'),
  })
  .prefault({});
export type ChangelogConfig = z.output<typeof changelogSchema>;
