/**
 * The search page's text for `public/search.js`, which fills `{count}`, `{query}` and `{shown}` in
 * at run time with no message library: each counted message comes as one template per plural
 * category of the language (`one`, `few`, `other`…), and the script picks one with
 * `Intl.PluralRules`, as the ICU message would.
 */
import { pluralSamples, translator, type MessageKey } from './messages.ts';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

export function searchStrings(language: string) {
  const t = translator(language);
  const numberFormat = new Intl.NumberFormat(language);
  const samples = pluralSamples(language);
  /** The message for a sample count of each category, with the count put back as `{count}`. */
  const plural = (key: MessageKey, values: Record<string, string> = {}): PluralForms =>
    Object.fromEntries(
      [...samples].map(([category, count]) => [category, t(key, { ...values, count }).replace(numberFormat.format(count), '{count}')]),
    );
  return {
    label: t('search.label'),
    placeholder: t('search.placeholder'),
    submit: t('search.submit'),
    sort: t('search.sort'),
    sortRelevance: t('search.sortRelevance'),
    sortVotes: t('search.sortVotes'),
    filters: t('search.filters'),
    filterNames: {
      status: t('search.filter.status'),
      label: t('search.filter.label'),
      repository: t('search.filter.repository'),
      type: t('search.filter.type'),
    },
    loading: t('search.loading'),
    idle: t('search.idle'),
    loadFailed: t('search.loadFailed'),
    results: plural('search.results', { query: '{query}' }),
    resultsFiltered: plural('search.resultsFiltered'),
    noResults: t('search.noResults', { query: '{query}' }),
    noResultsFiltered: t('search.noResultsFiltered'),
    votes: plural('request.votesCount'),
    release: t('search.release'),
    more: t('search.more'),
    shown: t('search.shown', { shown: '{shown}', count: '{count}' }),
    clearFilters: t('search.clearFilters'),
  };
}
