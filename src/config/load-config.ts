import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ConfigError } from './config-error.ts';
import { withHint } from './messages.ts';
import { parseConfig } from './parse-config.ts';
import { projectDir } from './project-dir.ts';
import type { RoadmapConfig } from './schema.ts';

export { parseConfig } from './parse-config.ts';

/** The file `loadConfig` reads unless told otherwise, relative to the project root. */
export const CONFIG_FILE_NAME = 'roadmap.config.ts';

export interface LoadConfigOptions {
  /** Project root; `file` and `public/` are looked up from here. Default: `$ROADMAP_PROJECT_DIR`, else the working directory. */
  root?: string;
  /** The configuration file, absolute or relative to `root`. Default: `roadmap.config.ts`. */
  file?: string;
}

const STARTER_CONFIG = `import { defineConfig } from './src/config/index.ts';

export default defineConfig({
  site: { title: 'Acme roadmap', url: 'https://acme.github.io', base: '/roadmap' },
  sources: [{ repo: 'acme/widgets' }],
});`;

/** The file as the user knows it: relative to the root when inside it. */
function shownPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function missingFileError(shown: string, root: string): ConfigError {
  return new ConfigError(
    [
      `${shown} was not found in ${root}.`,
      'The roadmap reads its title, its GitHub repositories and every other setting from this file.',
      `Create ${shown} with at least a title and one repository, for example:`,
      '',
      STARTER_CONFIG.replace(/^(?=.)/gm, '    '),
    ].join('\n'),
    [],
    { file: shown },
  );
}

/** The line of `file` the error points at, found in its stack (Node puts it first for syntax errors). */
function lineInFile(error: unknown, file: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  // Node names the file by path, Vite (inside Astro or Vitest) relative to the working directory.
  for (const place of [pathToFileURL(file).href, file, path.relative(process.cwd(), file)]) {
    const at = stack.indexOf(`${place}:`);
    if (at === -1) continue;
    const line = /^:(\d+)/.exec(stack.slice(at + place.length));
    if (line) return Number(line[1]);
  }
  return undefined;
}

/**
 * The gist of a load error on one line. Vite wraps parse errors as "Transform failed with 1
 * error:" followed by a coloured code frame; the line after the wrapper says what is wrong.
 */
function firstReason(message: string): string {
  const lines = stripVTControlCharacters(message)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^Transform failed with \d+ errors?:?$/i.test(line));
  return (lines[0] ?? message).replace(/^\[[A-Z_]+\]\s*/, '').replace(/[.:\s]+$/, '');
}

/** Why the module could not be imported, with the fix that fits the usual causes. */
function importError(shown: string, file: string, error: unknown): ConfigError {
  const reason = firstReason(error instanceof Error ? error.message : String(error));
  const line = lineInFile(error, file);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const hint =
    code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX'
      ? 'the file runs without a build step, so use only TypeScript that can be stripped: no enums, namespaces or parameter properties'
      : code === 'ERR_MODULE_NOT_FOUND'
        ? 'check the import paths at the top of the file; relative imports need their ".ts" extension'
        : `fix ${shown} so that it runs; it must be a module whose default export is the configuration`;
  const problem = line === undefined ? reason : `line ${line}: ${reason}`;
  return new ConfigError(`${shown} could not be loaded:`, [withHint(problem, hint)], { file: shown, cause: error });
}

function hasDefaultExport(module: unknown): module is { default: unknown } {
  return typeof module === 'object' && module !== null && 'default' in module && module.default !== undefined;
}

/**
 * Reads `roadmap.config.ts` (or `options.file`), validates it and applies every default.
 *
 * The file is loaded with a plain dynamic `import()`, which works in Node (it strips the types)
 * and inside Vite, where Astro evaluates `astro.config.mjs`. Throws a `ConfigError` naming the
 * file when it is missing, cannot be loaded or is not valid.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<RoadmapConfig> {
  const root = path.resolve(options.root ?? projectDir());
  const file = path.resolve(root, options.file ?? CONFIG_FILE_NAME);
  const shown = shownPath(root, file);
  if (!existsSync(file)) throw missingFileError(shown, root);

  let module: unknown;
  try {
    module = await import(/* @vite-ignore */ pathToFileURL(file).href);
  } catch (error) {
    throw importError(shown, file, error);
  }
  if (!hasDefaultExport(module)) {
    throw new ConfigError(
      `${shown} has no default export.`,
      [withHint('the configuration must be the default export', 'write export default defineConfig({ … })')],
      { file: shown },
    );
  }

  const config = parseConfig(module.default, { file: shown });
  if (config.site.logo !== null && !existsSync(path.join(root, 'public', config.site.logo))) {
    throw new ConfigError(
      `${shown} is not valid:`,
      [
        withHint(
          `site.logo: public/${config.site.logo} does not exist`,
          'put the image in public/, or set logo: null for no logo',
        ),
      ],
      { file: shown },
    );
  }
  return config;
}
