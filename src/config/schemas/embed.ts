import { z } from 'zod';
import { describeValue, withHint } from '../messages.ts';

/**
 * One source of a CSP `frame-ancestors` directive: `'self'`, `'none'`, `*`, a scheme (`https:`)
 * or a host with an optional scheme, `*.` wildcard, port and path.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors
 */
const FRAME_SOURCE = /^(?:'self'|'none'|\*|[a-z][a-z\d+.-]*:|(?:[a-z][a-z\d+.-]*:\/\/)?(?:\*\.)?[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*(?::(?:\d{1,5}|\*))?(?:\/[\w\-.~%!$&()*+=:@/]*)?)$/i;

const frameSourceSchema = z
  .string()
  .trim()
  .transform((value) => (/^(?:self|none)$/i.test(value) ? `'${value.toLowerCase()}'` : value))
  .refine((value) => FRAME_SOURCE.test(value), {
    error: (issue) =>
      withHint(
        `${describeValue(issue.input)} is not a frame-ancestors source`,
        'write an origin such as "https://acme.example" or "https://*.acme.example", a scheme such as "https:", "\'self\'", or "*" for any site',
      ),
  });

/** The widget page `/embed/`, made to be shown in an `<iframe>` on other sites. */
export const embedSchema = z
  .strictObject({
    /**
     * The sites that may show `/embed/` in a frame, as CSP `frame-ancestors` sources: origins
     * (`'https://acme.example'`), `'self'`, or `'*'` for any site. Written into `_headers`, which
     * Netlify and Cloudflare Pages read; GitHub Pages sends no custom headers, so there any site
     * may frame it (docs/embedding.md). Every other page refuses to be framed on those hosts.
     * @default ['*']
     */
    frameAncestors: z
      .array(frameSourceSchema)
      .min(1, { error: withHint('the list is empty', "write ['*'] to let any site frame the widget, or [\"'none'\"] to let none") })
      .refine((sources) => !sources.includes("'none'") || sources.length === 1, {
        error: withHint("'none' is listed with other sources", "keep either 'none' alone, or the sources that may frame the widget"),
      })
      .default(['*']),
  })
  .prefault({});

export type EmbedConfig = z.output<typeof embedSchema>;
