import { z } from 'zod';
import { describeValue, withHint } from '../messages.ts';

/** A GitHub login, with or without `@`; bot logins end in `[bot]`. */
const loginSchema = z.string().transform((value, context) => {
  const login = value.trim().replace(/^@/, '');
  if (!/^[A-Za-z\d][\w-]*(?:\[bot\])?$/.test(login)) {
    context.issues.push({
      code: 'custom',
      input: value,
      message: withHint(
        `${describeValue(value)} is not a GitHub login`,
        'write the login as in the profile address github.com/<login>, e.g. "octocat"',
      ),
    });
    return z.NEVER;
  }
  return login;
});

/** What never appears on the roadmap or counts as a vote. */
export const excludeSchema = z
  .strictObject({
    /**
     * Items with any of these labels are not published.
     * @default ['spam', 'invalid']
     */
    labels: z.array(z.string().trim().min(1)).default(() => ['spam', 'invalid']),
    /**
     * Logins whose items, comments and votes are ignored (a leading `@` is dropped).
     * @default []
     */
    users: z.array(loginSchema).default(() => []),
    /**
     * Ignore bots: accounts whose login ends in `[bot]` or that GitHub types as `Bot`.
     * @default true
     */
    bots: z.boolean().default(true),
  })
  .prefault({});

export type ExcludeConfig = z.output<typeof excludeSchema>;
