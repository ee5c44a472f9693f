import type { ItemRef } from '../snapshot/schema.ts';
import type { ItemKey } from './types.ts';

/**
 * The key an item is known by everywhere in the model. GitHub compares owner and repository
 * names case-insensitively, so `Lumen-Dev/Lumen#12` and `lumen-dev/lumen#12` are one item.
 */
export function itemKey(ref: ItemRef): ItemKey {
  return `${ref.repository.toLowerCase()}#${ref.number}`;
}

export function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
