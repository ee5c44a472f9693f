// Lint everything we write; zero warnings are allowed (`npm run lint` passes --max-warnings 0).
import js from '@eslint/js';
import * as astroParser from 'astro-eslint-parser';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (README, "Layout"). Data flows one way: GitHub → snapshot → model → pages.
// The rule sees each import as written, so the patterns match path segments of the specifier.
// In a flat config a later block replaces a rule's options for the files it matches, so each
// folder's block lists every boundary that applies to it.
// The development tooling: scripts/dev/ (simulator, demo generator, benchmarks and their
// commands) and the tests.
const DEV_TOOLING = {
  regex: '(^|/)(dev|github-simulator|demo|bench|test)(/|$)',
  message:
    'Product code never depends on development tooling (scripts/dev/: the GitHub simulator, the demo generator, the benchmarks and their commands; test/). Read what a tool produces as plain data (a JSON file checked with a Zod schema), or move the code that needs the tool into the tooling.',
};
const SCRIPTS = {
  regex: '(^|/)scripts(/|$)',
  message: 'src/ never imports scripts/: the commands build on src/, not the other way round. Move the shared code into src/.',
};
// src/model imports no Node module at all today; pure helpers (node:path, node:crypto) would
// do no harm, so only the modules that reach files, processes and the network are refused.
const NODE_IO = {
  regex: '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads)$',
  message: 'src/model is pure: it gets plain data and returns plain data. Read files or the network at the edge (src/snapshot/, scripts/) and pass the result in.',
};
const ASTRO = {
  regex: '^astro($|:|/)',
  message: 'src/model never imports Astro: pages and the content loader call the model, not the other way round. Keep Astro code in src/content/, src/pages/, src/components/.',
};
const GITHUB = {
  regex: '^(@octokit/|octokit$)|(^|/)(github|sync|notify)(/|$)',
  message: 'Pages, components and layouts never talk to GitHub: they read the snapshot through src/content/ and src/model/. Fetching belongs to the sync (src/sync/).',
};

/**
 * The rules for a set of boundaries: `no-restricted-imports` for static imports and exports, and
 * `no-restricted-syntax` for `import('…')`, which the first rule does not look at.
 */
function restrictImports(...patterns) {
  const dynamicImports = patterns.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
    message,
  }));
  return { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...dynamicImports] };
}

export default tseslint.config(
  { ignores: ['dist/', '**/.astro/', '.cache/', 'node_modules/', 'coverage/', 'content/', 'public/pagefind/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Components, layouts and pages are mostly .astro files: parse their frontmatter and scripts so
  // the boundaries below reach them too.
  {
    files: ['**/*.astro'],
    languageOptions: { parser: astroParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'] } },
  },
  // Product code: src/ and the commands users run, the thin entry points in scripts/.
  { files: ['scripts/*.ts'], rules: restrictImports(DEV_TOOLING) },
  { files: ['src/**'], rules: restrictImports(DEV_TOOLING, SCRIPTS) },
  { files: ['src/model/**'], rules: restrictImports(DEV_TOOLING, SCRIPTS, ASTRO, NODE_IO) },
  { files: ['src/{pages,components,layouts}/**'], rules: restrictImports(DEV_TOOLING, SCRIPTS, GITHUB) },
);
