/** Accounts as GraphQL shows them: `User`, `Bot`, `Organization` or `Mannequin`, `null` once deleted. */
import type { ResolverContext } from './graphql-context.ts';
import type { View } from './graphql-connections.ts';
import { botSlug, resourcePath, webUrls } from './github-urls.ts';
import { nodeId } from './node-ids.ts';
import type { ActorType, SimActor } from './store-types.ts';

export function actorObject(actor: SimActor, typename: ActorType = actor.type): View {
  const url = webUrls.actor(actor);
  return {
    __typename: typename,
    id: nodeId(typename, actor.id),
    databaseId: actor.id,
    // GraphQL drops the `[bot]` suffix REST shows (`dependabot` vs `dependabot[bot]`).
    login: typename === 'Bot' ? botSlug(actor.login) : actor.login,
    name: null,
    url,
    resourcePath: resourcePath(url),
    avatarUrl: (args: { size?: number | null }) => webUrls.avatar(actor.id, args.size),
  };
}

/**
 * The account behind `login`, or `null` when it was deleted. `as` forces a concrete type for
 * fields GitHub types as `User` (a release author, a reaction's user) rather than `Actor`.
 */
export function actorView(context: ResolverContext, login: string | null, as?: ActorType): View | null {
  if (login === null) return null;
  const actor = context.index.user(login);
  return actor ? actorObject(actor, as ?? actor.type) : null;
}

/** A repository owner is an `Organization` or a `User` (GraphQL's `RepositoryOwner`). */
export function ownerView(context: ResolverContext, login: string): View {
  const actor = context.index.user(login) ?? { login, type: 'Organization' as const, id: 0 };
  return actorObject(actor, actor.type === 'Organization' ? 'Organization' : 'User');
}
