import { describe, expect, it } from 'vitest';
import { externalImageCandidates, githubImageCspSources, isGitHubImage } from '../../src/markdown/github-images.ts';

describe('isGitHubImage', () => {
  it.each([
    ['https://avatars.githubusercontent.com/u/1?v=4', true],
    ['https://user-images.githubusercontent.com/1/a.png', true],
    ['https://github.com/user-attachments/assets/11c5e8bd-0541-1385-a9a7-926272162196', true],
    ['https://camo.githubusercontent.com/abc', true],
    ['https://raw.githubusercontent.com/acme/widgets/main/a.png', true],
    // Signed and short-lived: a copy in a text has expired.
    ['https://private-user-images.githubusercontent.com/1/a.png?jwt=x', false],
    // Any file on github.com is not an attachment.
    ['https://github.com/acme/widgets/raw/main/a.png', false],
    ['http://avatars.githubusercontent.com/u/1', false],
    ['https://avatars.githubusercontent.com.evil.example/u/1', false],
    ['https://user:pass@avatars.githubusercontent.com/u/1', false],
    ['//avatars.githubusercontent.com/u/1', false],
    ['a.png', false],
  ])('%s: %s', (url, expected) => {
    expect(isGitHubImage(url)).toBe(expected);
  });

  it('trusts the GitHub Enterprise Server the text comes from, not github.com as a whole', () => {
    expect(isGitHubImage('https://ghe.example.com/storage/user/1/files/a.png', 'https://ghe.example.com')).toBe(true);
    expect(isGitHubImage('https://github.com/acme/widgets/raw/main/a.png', 'https://github.com')).toBe(false);
  });
});

describe('externalImageCandidates', () => {
  it('finds images in Markdown, HTML and reference definitions, not plain links or GitHub images', () => {
    const markdown = [
      '![a](https://one.example/a.png "title") [link](https://links.example/page)',
      '<img alt="b" src="https://two.example/b.png?x=1&amp;y=2">',
      '![c][logo]',
      '[logo]: <https://three.example/c.png>',
      '![d](https://user-images.githubusercontent.com/1/d.png)',
    ].join('\n\n');
    expect(externalImageCandidates(markdown)).toEqual(['https://one.example/a.png', 'https://three.example/c.png', 'https://two.example/b.png?x=1&y=2']);
  });
});

describe('githubImageCspSources', () => {
  it('names GitHub’s image hosts, where attachments redirect to, and enterprise servers', () => {
    expect(githubImageCspSources(['https://github.com', 'https://ghe.example.com'])).toEqual([
      'https://avatars.githubusercontent.com',
      'https://user-images.githubusercontent.com',
      'https://github.com/user-attachments/assets/',
      'https://camo.githubusercontent.com',
      'https://raw.githubusercontent.com',
      'https://private-user-images.githubusercontent.com',
      'https://ghe.example.com',
    ]);
  });
});
