/**
 * GraphQL errors in GitHub's shape. GitHub's server is graphql-ruby, so its validation messages
 * differ from graphql-js's (`Field 'x' doesn't exist on type 'Y'`), carry an `extensions.code`,
 * and locate the problem with a `path` of field names from the operation ("query GetIssues").
 * Execution errors carry a top-level `type` such as NOT_FOUND.
 */
import {
  Kind,
  print,
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface GithubGraphqlError {
  type?: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: readonly { line: number; column: number }[];
  message: string;
}

/** The path GitHub reports for each field and argument node of a document. */
function documentPaths(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const visit = (selectionSet: SelectionSetNode, path: string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldPath = [...path, selection.name.value];
        paths.set(selection, fieldPath);
        for (const argument of selection.arguments ?? []) {
          paths.set(argument, [...fieldPath, argument.name.value]);
          paths.set(argument.value, [...fieldPath, argument.name.value]);
        }
        if (selection.selectionSet) visit(selection.selectionSet, fieldPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const fragmentPath = [...path, selection.typeCondition ? `... on ${selection.typeCondition.name.value}` : '...'];
        paths.set(selection, fragmentPath);
        visit(selection.selectionSet, fragmentPath);
      } else {
        paths.set(selection, [...path, `... ${selection.name.value}`]);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const root = definition.name ? `${definition.operation} ${definition.name.value}` : definition.operation;
      paths.set(definition, [root]);
      for (const variable of definition.variableDefinitions ?? []) paths.set(variable, [root]);
      visit(definition.selectionSet, [root]);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const root = `fragment ${definition.name.value}`;
      paths.set(definition, [root]);
      visit(definition.selectionSet, [root]);
    }
  }
  return paths;
}

interface Translation {
  pattern: RegExp;
  translate: (match: RegExpMatchArray) => { message: string; extensions: Record<string, unknown> };
}

// graphql-js message → graphql-ruby message, for the mistakes clients actually make.
const TRANSLATIONS: Translation[] = [
  {
    pattern: /^Cannot query field "(.+?)" on type "(.+?)"\./,
    translate: ([, field = '', type = '']) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: 'undefinedField', typeName: type, fieldName: field },
    }),
  },
  {
    pattern: /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./,
    translate: ([, argument = '', , field = '']) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: 'argumentNotAccepted', name: field, typeName: 'Field', argumentName: argument },
    }),
  },
  {
    pattern: /^Field "(.+?)" argument "(.+?)" of type "(.+?)" is required, but it was not provided\./,
    translate: ([, field = '', argument = '']) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: field, arguments: argument },
    }),
  },
  {
    pattern: /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\./,
    translate: ([, field = '', type = '']) => ({
      message: `Field must have selections (field '${field}' returns ${type.replace(/[[\]!]/g, '')} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type.replace(/[[\]!]/g, '') },
    }),
  },
  {
    pattern: /^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\./,
    translate: ([, field = '', type = '']) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections [...])`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type },
    }),
  },
  {
    pattern: /^Variable "\$(.+?)" is not defined/,
    translate: ([, variable = '']) => ({
      message: `Variable $${variable} is used but not declared`,
      extensions: { code: 'variableNotDefined', variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$(.+?)" is never used/,
    translate: ([, variable = '']) => ({
      message: `Variable $${variable} is declared but not used`,
      extensions: { code: 'variableNotUsed', variableName: variable },
    }),
  },
  {
    pattern: /^Unknown fragment "(.+?)"\./,
    translate: ([, fragment = '']) => ({
      message: `Fragment ${fragment} was used, but not defined`,
      extensions: { code: 'useAndDefineFragment', fragmentName: fragment },
    }),
  },
  {
    pattern: /^Fragment "(.+?)" is never used\./,
    translate: ([, fragment = '']) => ({
      message: `Fragment ${fragment} was defined, but not used`,
      extensions: { code: 'useAndDefineFragment', fragmentName: fragment },
    }),
  },
  {
    pattern: /^Unknown type "(.+?)"\./,
    translate: ([, type = '']) => ({
      message: `No such type ${type}, so it can't be a fragment condition`,
      extensions: { code: 'undefinedType', typeName: type },
    }),
  },
  {
    pattern: /^Argument "(.+?)" has invalid value (.+?)\./,
    translate: ([, argument = '', value = '']) => ({
      message: `Argument '${argument}' has an invalid value (${value}).`,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Argument', argumentName: argument },
    }),
  },
];

/** A graphql-js validation error, reworded and located the way GitHub reports it. */
export function validationErrorsLikeGithub(errors: readonly GraphQLError[], document: DocumentNode): GithubGraphqlError[] {
  const paths = documentPaths(document);
  return errors.map((error) => {
    const translation = TRANSLATIONS.map((candidate) => ({ candidate, match: error.message.match(candidate.pattern) })).find(
      (entry) => entry.match,
    );
    const translated = translation?.match ? translation.candidate.translate(translation.match) : null;
    const firstNode = error.nodes?.[0];
    const path = firstNode ? paths.get(firstNode) : undefined;
    return {
      ...(path ? { path } : {}),
      ...(translated ? { extensions: translated.extensions } : {}),
      ...(error.locations ? { locations: error.locations } : {}),
      message: translated?.message ?? error.message,
    };
  });
}

/** graphql-ruby's wording for a document that does not parse. */
export function syntaxErrorLikeGithub(error: GraphQLError): GithubGraphqlError {
  const location = error.locations?.[0];
  const found = error.message.match(/found (?:"(.*)"|(\S+?))\.?$/);
  const token = found?.[1] ?? found?.[2];
  const message =
    token === '<EOF>' || token === undefined
      ? 'Unexpected end of document'
      : `Parse error on "${token}" at [${String(location?.line ?? 1)}, ${String(location?.column ?? 1)}]`;
  return { message, ...(error.locations ? { locations: error.locations } : {}) };
}

/** An execution error: GitHub puts its error class in a top-level `type`. */
export function executionErrorLikeGithub(error: GraphQLError): GithubGraphqlError {
  const type = error.extensions['type'];
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

/** graphql-ruby's wording for variables that do not fit their declared types. */
export function variableErrorsLikeGithub(errors: readonly GraphQLError[], operation: OperationDefinitionNode): GithubGraphqlError[] {
  const declaredTypes = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, print(definition.type)]),
  );
  return errors.map((error) => {
    const match = error.message.match(/^Variable "\$(\w+)" (?:of required type "[^"]+" was not provided|got invalid value (.*?); (.*))\.?$/s);
    if (!match) return { message: error.message, ...(error.locations ? { locations: error.locations } : {}) };
    const [, name = '', value, explanation] = match;
    return {
      extensions: {
        value: value === undefined ? null : safeJson(value),
        problems: [{ path: [], explanation: explanation ?? 'Expected value to not be null' }],
      },
      ...(error.locations ? { locations: error.locations } : {}),
      message: `Variable $${name} of type ${declaredTypes.get(name) ?? 'unknown'} was provided invalid value`,
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
