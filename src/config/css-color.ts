/**
 * Recognises the CSS colour syntaxes a theme may use.
 *
 * Theme colours are written into the site's stylesheet verbatim, so anything that is not
 * plainly a colour is refused rather than passed through: a value such as
 * `red; } body { display: none` would otherwise rewrite the page's CSS.
 */

const HEX_COLOR = /^#(?:[\da-f]{3}|[\da-f]{4}|[\da-f]{6}|[\da-f]{8})$/i;

/** rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch() with numbers, percentages, angles or `none`. */
const FUNCTIONAL_COLOR = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*([^()]*)\)$/i;
const COMPONENT = /^(?:none|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:%|deg|grad|rad|turn)?)$/i;

export function isCssColor(value: string): boolean {
  const trimmed = value.trim();
  if (HEX_COLOR.test(trimmed)) return true;
  const functional = FUNCTIONAL_COLOR.exec(trimmed);
  if (!functional) return false;
  // Modern `rgb(47 91 211 / 80%)` and legacy `rgb(47, 91, 211, 0.8)` syntaxes both allowed.
  const components = (functional[1] ?? '').split(/\s*[,/]\s*|\s+/).filter((part) => part !== '');
  return components.length >= 3 && components.length <= 4 && components.every((part) => COMPONENT.test(part));
}
