import { ConflictError, ForbiddenError } from './errors.ts';
import type { Message } from './messages.ts';

/**
 * Lifecycles as declarative state graphs (after Sharetribe's transaction processes): each
 * transition names the states it may start from, the state it leads to, who may take it (the
 * viewer's roles towards the entity: `owner`, `offer`, `system`, …) and its label in both languages.
 * `transition()` is the one function that moves an entity, and refuses any move the graph does not
 * have (409) or the caller may not make (403); `allowedActions()` tells a viewer what it may do now,
 * which the API returns with the entity so the web shows exactly those buttons.
 *
 * Pure and browser-safe: no AWS SDK, no Hono.
 */
export interface TransitionSpec<S extends string, R extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /** The roles that may take this transition. */
  readonly by: readonly R[];
  readonly label: Message;
}

export interface Lifecycle<S extends string, T extends string, R extends string = string> {
  readonly name: string;
  /** What the entity is called, in both languages ("the listing", "撮合"). */
  readonly label: Message;
  readonly initial: S;
  readonly states: readonly S[];
  readonly stateLabels: Readonly<Record<S, Message>>;
  readonly transitions: Readonly<Record<T, TransitionSpec<S, R>>>;
  readonly terminal: readonly S[];
}

export function defineLifecycle<
  const S extends string,
  const T extends string,
  const R extends string,
>(definition: {
  readonly name: string;
  readonly label: Message;
  readonly initial: NoInfer<S>;
  readonly states: readonly S[];
  readonly stateLabels: Readonly<Record<NoInfer<S>, Message>>;
  readonly transitions: Readonly<Record<T, TransitionSpec<NoInfer<S>, R>>>;
  readonly terminal: readonly NoInfer<S>[];
}): Lifecycle<S, T, R> {
  const known = new Set<string>(definition.states);
  for (const [name, t] of Object.entries(definition.transitions) as [string, TransitionSpec<S, R>][]) {
    for (const state of [...t.from, t.to]) {
      if (!known.has(state)) throw new Error(`${definition.name}.${name}: unknown state ${state}`);
    }
    if (t.by.length === 0) throw new Error(`${definition.name}.${name}: nobody may take it`);
  }
  for (const state of [definition.initial, ...definition.terminal]) {
    if (!known.has(state)) throw new Error(`${definition.name}: unknown state ${state}`);
  }
  return definition;
}

export function canTransition<S extends string, T extends string, R extends string>(
  lifecycle: Lifecycle<S, T, R>,
  from: S,
  action: T,
): boolean {
  return lifecycle.transitions[action].from.includes(from);
}

/** Whether any of these roles may take the action (wherever the entity stands). */
export function mayTake<S extends string, T extends string, R extends string>(
  lifecycle: Lifecycle<S, T, R>,
  action: T,
  roles: Iterable<R>,
): boolean {
  const allowed = lifecycle.transitions[action].by;
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}

/**
 * The next state. With `roles`, a caller none of whose roles may take the action gets a 403 first;
 * a move the graph does not have from this state is a 409 `invalid_transition` naming the entity,
 * its state and the action in the reader's language.
 */
export function transition<S extends string, T extends string, R extends string>(
  lifecycle: Lifecycle<S, T, R>,
  from: S,
  action: T,
  roles?: Iterable<R>,
): S {
  if (roles !== undefined && !mayTake(lifecycle, action, roles)) throw new ForbiddenError();
  if (!canTransition(lifecycle, from, action)) {
    throw new ConflictError('invalid_transition', {
      lifecycle: lifecycle.label,
      state: lifecycle.stateLabels[from],
      action: lifecycle.transitions[action].label,
    });
  }
  return lifecycle.transitions[action].to;
}

/** Actions available from a state; with `roles`, only those these roles may take (the UI's buttons). */
export function availableActions<S extends string, T extends string, R extends string>(
  lifecycle: Lifecycle<S, T, R>,
  from: S,
  roles?: Iterable<R>,
): T[] {
  const held = roles === undefined ? undefined : [...roles];
  return (Object.keys(lifecycle.transitions) as T[]).filter(
    (action) => canTransition(lifecycle, from, action) && (!held || mayTake(lifecycle, action, held)),
  );
}
