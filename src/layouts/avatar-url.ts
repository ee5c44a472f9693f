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
