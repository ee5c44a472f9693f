/**
 * Avatars at the size they are shown (twice that, for high-density screens): GitHub's avatar
 * host resizes on request, which keeps a page of 40 voters light.
 */
export function avatarUrl(url: string, displaySize: number): string {
  try {
    const parsed = new URL(url);
    if (parsed.hostname !== 'avatars.githubusercontent.com') return url;
    parsed.searchParams.set('s', String(displaySize * 2));
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * What an avatar shows when its image cannot load: the first letters of the login's first two
 * words (`octo-cat` → `OC`), or its first two letters (`ada` → `AD`).
 */
export function avatarInitials(login: string): string {
  const words = login.replace(/\[bot\]$/i, '').split(/[-_.\s]+/).filter((word) => word !== '');
  const letters = words.length >= 2 ? [...(words[0] ?? '')].slice(0, 1).concat([...(words[1] ?? '')].slice(0, 1)) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
