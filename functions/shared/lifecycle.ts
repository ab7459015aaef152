import { ConflictError } from './errors.ts';

/**
 * Lifecycles as declarative state graphs (after Sharetribe's transaction processes): each
 * transition names the states it may start from and the state it leads to; `transition()` is the
 * one function that moves an entity, and refuses any move the graph does not have.
 */
export interface Lifecycle<S extends string, T extends string> {
  readonly name: string;
  readonly initial: S;
  readonly states: readonly S[];
  readonly transitions: Readonly<Record<T, { readonly from: readonly S[]; readonly to: S }>>;
  readonly terminal: readonly S[];
}

export function defineLifecycle<const S extends string, const T extends string>(
  definition: Lifecycle<S, T>,
): Lifecycle<S, T> {
  for (const [name, t] of Object.entries(definition.transitions) as [
    string,
    { from: readonly S[]; to: S },
  ][]) {
    for (const state of [...t.from, t.to]) {
      if (!definition.states.includes(state))
        throw new Error(`${definition.name}.${name}: unknown state ${state}`);
    }
  }
  return definition;
}

export function canTransition<S extends string, T extends string>(
  lifecycle: Lifecycle<S, T>,
  from: S,
  action: T,
): boolean {
  return lifecycle.transitions[action].from.includes(from);
}

/** The next state, or a 409 `invalid_transition` naming the lifecycle, the state and the action. */
export function transition<S extends string, T extends string>(
  lifecycle: Lifecycle<S, T>,
  from: S,
  action: T,
): S {
  if (!canTransition(lifecycle, from, action)) {
    throw new ConflictError('invalid_transition', {
      lifecycle: `@lifecycle.${lifecycle.name}`,
      state: `@state.${from}`,
      action: `@action.${action}`,
    });
  }
  return lifecycle.transitions[action].to;
}

/** Actions available from a state (for the UI's buttons). */
export function availableActions<S extends string, T extends string>(
  lifecycle: Lifecycle<S, T>,
  from: S,
): T[] {
  return (Object.keys(lifecycle.transitions) as T[]).filter((action) =>
    canTransition(lifecycle, from, action),
  );
}
