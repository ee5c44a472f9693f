/**
 * GitHub's sanitizing rules, as `hast-util-sanitize` ships them (`defaultSchema`): no scripts,
 * no event handlers, only http(s)/mailto-like URLs (no `javascript:` or `data:`), ids and names
 * prefixed with `user-content-` against DOM clobbering, comments dropped.
 *
 * Two additions:
 * - elements whose text is not content (`<style>`, `<template>`) are removed with their text,
 *   where the default would keep the text of an element it removes;
 * - the classes of GitHub's alert boxes (`markdown-alert`, `markdown-alert-warning`, …, and
 *   `markdown-alert-title`), on `<div>` and `<p>` only, so that the alerts built before
 *   sanitizing keep their look. Nothing else about them is allowed: no style, no SVG icon.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { ALERT_CLASSES } from './github-alerts.ts';

export const USER_CONTENT_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

export const userContentSchema: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style', 'template'],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', ...ALERT_CLASSES.box]],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', ...ALERT_CLASSES.title]],
  },
};
