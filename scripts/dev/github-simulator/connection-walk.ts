/**
 * Finds every connection a GraphQL operation asks for, with its page size and how many times it
 * could be fetched. GitHub's pagination rules and its query cost are both computed from this list,
 * before anything executes, exactly as GitHub does ("Rate limits and node limits for the GraphQL
 * API": https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface ConnectionUse {
  /** Schema field name, e.g. `labels`. */
  fieldName: string;
  /** Response keys from the operation root down to this connection (aliases win). */
  path: string[];
  node: FieldNode;
  first: number | null;
  last: number | null;
  /** Whether `nodes` or `edges` are selected, i.e. whether items (not just `totalCount`) come back. */
  selectsItems: boolean;
  /** How many times the connection may be fetched: the product of the enclosing page sizes. */
  parents: number;
}

export function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function pageSize(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export function walkConnections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ConnectionUse[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const uses: ConnectionUse[] = [];

  const included = (node: Parameters<typeof getDirectiveValues>[1]): boolean => {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
  };

  const selectsAny = (selectionSet: SelectionSetNode | undefined, names: Set<string>, seen: Set<string>): boolean => {
    if (!selectionSet) return false;
    return selectionSet.selections.some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === Kind.FIELD) return names.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return selectsAny(selection.selectionSet, names, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      return selectsAny(fragment.selectionSet, names, new Set([...seen, fragment.name.value]));
    });
  };

  const itemFields = new Set(['nodes', 'edges']);

  const visit = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType,
    parents: number,
    path: string[],
    activeFragments: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (type) visit(selection.selectionSet, type, parents, path, activeFragments);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || activeFragments.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type) {
          visit(fragment.selectionSet, type, parents, path, new Set([...activeFragments, fragment.name.value]));
        }
        continue;
      }
      if (!selection.selectionSet) continue;
      if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
      const field = parentType.getFields()[selection.name.value];
      if (!field) continue;
      const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
      const type = getNamedType(field.type);
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, selection, variables);
      } catch {
        // Invalid arguments are reported by validation or execution; cost them as absent.
      }
      if (isConnectionType(type)) {
        const first = pageSize(args['first']);
        const last = pageSize(args['last']);
        uses.push({
          fieldName: field.name,
          path: fieldPath,
          node: selection,
          first,
          last,
          selectsItems: selectsAny(selection.selectionSet, itemFields, activeFragments),
          parents,
        });
        // With both `first` and `last`, assume the larger page: the cost is a worst case.
        const size = Math.max(first ?? 0, last ?? 0);
        visit(selection.selectionSet, type, parents * Math.max(size, 1), fieldPath, activeFragments);
        continue;
      }
      let multiplier = 1;
      // GitHub does not document how `nodes(ids:)` is priced. We assume the worst: every id is a
      // parent of the connections selected below it, like a connection page of that size.
      if (parentType === schema.getQueryType() && field.name === 'nodes' && Array.isArray(args['ids'])) {
        multiplier = Math.max(args['ids'].length, 1);
      }
      visit(selection.selectionSet, type, parents * multiplier, fieldPath, activeFragments);
    }
  };

  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (rootType) visit(operation.selectionSet, rootType, 1, [], new Set());
  return uses;
}
