/** The site's text in its configured language (`site.language`), for pages and components. */
import { uiStrings, type UiStrings } from '../i18n/strings.ts';
import { siteConfig } from './site-config.ts';

export async function siteStrings(): Promise<UiStrings> {
  const { site } = await siteConfig();
  return uiStrings(site.language);
}
