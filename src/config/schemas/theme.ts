import { z } from 'zod';
import { isCssColor } from '../css-color.ts';
import { describeValue, withHint } from '../messages.ts';

function cssColor(defaultColor: string) {
  return z
    .string()
    .trim()
    .refine(isCssColor, {
      error: (issue) =>
        withHint(
          `${describeValue(issue.input)} is not a CSS colour`,
          'write a colour like "#2f5bd3", "rgb(47 91 211)", "hsl(224 64% 50%)" or "oklch(52% 0.18 264)"',
        ),
    })
    .default(defaultColor);
}

/** The site's colours. Each is a CSS colour: `#rgb`, `#rrggbb`, `rgb()`, `hsl()`, `oklch()` and kin. */
export const themeSchema = z
  .strictObject({
    /**
     * Links, buttons and highlights in light mode. Pick a shade with at least 4.5:1 contrast
     * against `background`.
     * @default '#2f5bd3'
     */
    accent: cssColor('#2f5bd3'),
    /**
     * The accent in dark mode; usually a lighter shade of `accent`.
     * @default '#8fb0ff'
     */
    accentDark: cssColor('#8fb0ff'),
    /**
     * Page background in light mode.
     * @default '#ffffff'
     */
    background: cssColor('#ffffff'),
    /**
     * Page background in dark mode.
     * @default '#111318'
     */
    backgroundDark: cssColor('#111318'),
  })
  .prefault({});

export type ThemeConfig = z.output<typeof themeSchema>;
