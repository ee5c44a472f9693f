import { z } from 'zod';

/** How duplicates are recognised, besides GitHub's own "marked as duplicate" events. */
export const duplicatesSchema = z
  .strictObject({
    /**
     * Label that marks an item as a duplicate; it is then folded into the item it duplicates
     * (named in a comment such as "Duplicate of #12").
     * @default 'duplicate'
     */
    label: z.string().trim().min(1).default('duplicate'),
  })
  .prefault({});

export type DuplicatesConfig = z.output<typeof duplicatesSchema>;
