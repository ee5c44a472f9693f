import { z } from 'zod';

/** How `npm run sync` fetches from GitHub. */
export const syncSchema = z
  .strictObject({
    /**
     * Hours between full syncs; the syncs in between only fetch what changed since the last
     * one. A full sync also notices deleted or transferred items and changed votes, which
     * GitHub does not report as updates. `0` makes every sync a full one.
     * @default 24
     */
    fullSyncEveryHours: z.number().min(0).default(24),
    /**
     * How many of each item's first comments to keep and show, from 0 to 20.
     * @default 5
     */
    comments: z.number().int().min(0).max(20).default(5),
  })
  .prefault({});

export type SyncConfig = z.output<typeof syncSchema>;
