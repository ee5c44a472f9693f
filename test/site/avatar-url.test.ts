import { describe, expect, it } from 'vitest';
import { avatarInitials, avatarUrl } from '../../src/site/avatar-url.ts';

describe('avatarUrl', () => {
  it('asks GitHub’s avatar host for twice the shown size, and leaves other addresses alone', () => {
    expect(avatarUrl('https://avatars.githubusercontent.com/u/1?v=4', 32)).toBe('https://avatars.githubusercontent.com/u/1?v=4&s=64');
    expect(avatarUrl('https://ghe.example.com/avatars/u/1', 32)).toBe('https://ghe.example.com/avatars/u/1');
  });
});

describe('avatarInitials', () => {
  it.each([
    ['octo-cat', 'OC'],
    ['ada', 'AD'],
    ['grace_hopper', 'GH'],
    ['dependabot[bot]', 'DE'],
    ['x', 'X'],
  ])('%s: %s', (login, initials) => {
    expect(avatarInitials(login)).toBe(initials);
  });
});
