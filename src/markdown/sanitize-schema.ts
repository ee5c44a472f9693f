/**
 * GitHub's sanitizing rules, as `hast-util-sanitize` ships them (`defaultSchema`): no scripts,
 * no event handlers, only http(s)/mailto-like URLs (no `javascript:` or `data:`), ids and names
 * prefixed with `user-content-` against DOM clobbering, comments dropped.
 *
 * One addition: elements whose text is not content (`<style>`, `<template>`) are removed with
 * their text, where the default would keep the text of an element it removes.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const USER_CONTENT_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

export const userContentSchema: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style', 'template'],
};
