/*
 * Light / dark theme toggle. Loaded in <head> so the chosen theme applies before the first
 * paint (no flash); the button is wired once the page is parsed. Without a choice the site
 * follows the system preference. The only script on most pages; external so the
 * Content-Security-Policy can forbid inline scripts.
 */
(() => {
  const KEY = 'open-roadmap-theme';
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

  let stored = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch {
    // Storage can be disabled; the toggle then lasts for the page only.
  }
  if (stored === 'dark' || stored === 'light') root.dataset.theme = stored;

  const effective = () => root.dataset.theme || (systemDark.matches ? 'dark' : 'light');
  const buttons = () => document.querySelectorAll('[data-theme-toggle]');
  const sync = () => {
    root.dataset.themeEffective = effective();
    for (const button of buttons()) button.setAttribute('aria-pressed', String(effective() === 'dark'));
  };

  sync();
  systemDark.addEventListener('change', sync);
  document.addEventListener('DOMContentLoaded', () => {
    for (const button of buttons()) {
      button.hidden = false;
      button.addEventListener('click', () => {
        const next = effective() === 'dark' ? 'light' : 'dark';
        root.dataset.theme = next;
        try {
          window.localStorage.setItem(KEY, next);
        } catch {
          // See above.
        }
        sync();
      });
    }
    sync();
  });
})();
