/**
 * What each request is compared on: a TF-IDF vector of its terms (title and body words; a title
 * word may be made to count for more), plus what the not-a-duplicate rules look at.
 *
 * Inverse document frequency is computed over the requests being compared, so a word every
 * request of this project uses ("page", "site", "build" for a site generator) weighs almost
 * nothing, and a rare one ("mermaid", "srcset") weighs most. Text that several bodies share
 * word for word is left out first (`boilerplate.ts`), and words are spelt the way the rest of
 * the project spells them (`spelling.ts`).
 */
import { countRuns, withoutBoilerplate } from './boilerplate.ts';
import { isDocumentationRequest } from './documentation-requests.ts';
import { markdownToText } from './markdown-to-text.ts';
import { titleNames } from './title-names.ts';
import { projectSpelling, respell } from './spelling.ts';
import { tokenizeWords, words, type Token } from './tokenize.ts';

export interface SuggestionDocument {
  /** Unique key, e.g. `owner/name#12`. */
  key: string;
  title: string;
  /** Raw Markdown. */
  body: string;
  /** Other titles of the same request (duplicates already folded in), weighed like the body. */
  alsoKnownAs?: readonly string[];
  /** Orders a suggested pair: the older request first. ISO 8601. */
  createdAt?: string;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface DocumentFeatures {
  key: string;
  createdAt: string;
  /** Unit-length TF-IDF vector, heaviest terms first (ties by term). */
  terms: WeightedTerm[];
  /** The same weights, by term. */
  weightOf: Map<string, number>;
  /** The word each term was first written as, for the report. */
  surfaceOf: Map<string, string>;
  /** The title's terms in order, for telling series of sibling requests apart (`title-series.ts`). */
  titleTerms: string[];
  /** Products and projects the title names (`title-names.ts`). */
  titleNames: string[];
  /** Every word of the request, lower case, to tell whether it mentions a name. */
  words: Set<string>;
  /** Asks for documentation rather than a feature (`documentation-requests.ts`). */
  isDocumentation: boolean;
}

export interface CorpusFeatures {
  /** Features of every document, in the order given. */
  documents: DocumentFeatures[];
  /** In how many documents each term occurs. */
  documentFrequency: Map<string, number>;
}

export interface FeatureOptions {
  /** How many body occurrences one title occurrence is worth. */
  titleWeight: number;
}

/** The words of a body (and of the other titles), line by line: boilerplate runs never span lines. */
function bodyLines(document: SuggestionDocument): string[][] {
  return [document.body, ...(document.alsoKnownAs ?? [])]
    .flatMap((text) => markdownToText(text).split('\n'))
    .map((line) => words(line))
    .filter((line) => line.length > 0);
}

/**
 * Smoothed inverse document frequency, ln((N + 1) / df): near zero for a term every document
 * has, so shared boilerplate adds nothing to a score, yet never negative.
 */
function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.log((documentCount + 1) / documentFrequency);
}

function byWeightThenTerm(a: WeightedTerm, b: WeightedTerm): number {
  return b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

export function documentFeatures(documents: readonly SuggestionDocument[], options: FeatureOptions): CorpusFeatures {
  const lines = documents.map(bodyLines);
  const runs = countRuns(lines);
  const titleWords = documents.map((document) => words(document.title));
  const allWords = documents.map((_document, index) => new Set([...(titleWords[index] ?? []), ...(lines[index] ?? []).flat()]));
  const spelling = projectSpelling(allWords);

  const counted = documents.map((document, index) => {
    const titleTokens = tokenizeWords(respell(titleWords[index] ?? [], spelling));
    const bodyTokens = (lines[index] ?? [])
      .flatMap((line) => withoutBoilerplate(line, runs))
      .flatMap((run) => tokenizeWords(respell(run, spelling)));
    const counts = new Map<string, number>();
    const surfaceOf = new Map<string, string>();
    const add = (token: Token, amount: number): void => {
      counts.set(token.term, (counts.get(token.term) ?? 0) + amount);
      if (!surfaceOf.has(token.term)) surfaceOf.set(token.term, token.surface);
    };
    for (const token of titleTokens) add(token, options.titleWeight);
    for (const token of bodyTokens) add(token, 1);
    return { document, counts, surfaceOf, titleTokens, words: allWords[index] ?? new Set<string>() };
  });

  const documentFrequency = new Map<string, number>();
  for (const { counts } of counted) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }

  const features = counted.map(({ document, counts, surfaceOf, titleTokens, words: allWords }): DocumentFeatures => {
    const terms: WeightedTerm[] = [];
    for (const [term, count] of counts) {
      // Sublinear term frequency: a word said five times is not five times the request.
      const weight = (1 + Math.log(count)) * inverseDocumentFrequency(counted.length, documentFrequency.get(term) ?? 1);
      if (weight > 0) terms.push({ term, weight });
    }
    terms.sort(byWeightThenTerm);
    let squares = 0;
    for (const { weight } of terms) squares += weight * weight;
    const norm = Math.sqrt(squares);
    const unit = norm === 0 ? terms : terms.map(({ term, weight }) => ({ term, weight: weight / norm }));
    return {
      key: document.key,
      createdAt: document.createdAt ?? '',
      terms: unit,
      weightOf: new Map(unit.map(({ term, weight }) => [term, weight])),
      surfaceOf,
      titleTerms: titleTokens.map((token) => token.term),
      titleNames: titleNames(document.title),
      words: allWords,
      isDocumentation: isDocumentationRequest(document.title),
    };
  });
  return { documents: features, documentFrequency };
}
