import type { Ref } from './ground-truth.ts';

/** The ways GitHub Markdown can point at an issue or pull request. */
export type ReferenceStyle = 'number' | 'cross-repo' | 'url';

export function issueUrl(ref: Ref): string {
  return `https://github.com/${ref.repository}/issues/${ref.number}`;
}

export function pullUrl(ref: Ref): string {
  return `https://github.com/${ref.repository}/pull/${ref.number}`;
}

/** `#12` only works inside the same repository; elsewhere GitHub needs `owner/name#12`. */
export function formatReference(target: Ref, fromRepository: string, style: ReferenceStyle): string {
  if (style === 'url') return issueUrl(target);
  if (style === 'cross-repo' || target.repository !== fromRepository) return `${target.repository}#${target.number}`;
  return `#${target.number}`;
}
