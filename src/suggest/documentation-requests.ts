/**
 * Requests for documentation ("Migration guide from Jekyll", "Document the plugin hooks") read
 * like the feature they document ("Migration tool for Jekyll sites", "Lifecycle hooks for
 * plugins") but ask for something else: a page, not a feature. A documentation request and a
 * feature request are never suggested as duplicates; two documentation requests can be.
 */
import { words } from './tokenize.ts';

const DOCUMENTATION_WORDS = new Set(['guide', 'guides', 'tutorial', 'tutorials', 'recipe', 'recipes', 'cookbook', 'walkthrough', 'howto', 'faq', 'glossary', 'document', 'documenting']);
const DOCUMENTATION_FIRST_WORDS = new Set(['docs', 'doc', 'documentation']);

export function isDocumentationRequest(title: string): boolean {
  const all = words(title);
  return DOCUMENTATION_FIRST_WORDS.has(all[0] ?? '') || all.some((word) => DOCUMENTATION_WORDS.has(word));
}
