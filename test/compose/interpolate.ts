/** A `${NAME...}` or `$NAME` that the compose file uses, and whether compose refuses to run without it. */
export interface VariableReference {
  name: string;
  required: boolean;
}

export class InterpolationError extends Error {
  override readonly name = 'InterpolationError';
}

// `$$` (a literal dollar), `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}`, `${NAME?message}`,
// `${NAME:+alternative}`, `${NAME+alternative}` and `$NAME`, as compose reads them (nesting is not supported).
const variablePattern = /\$(?:\$|\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_]\w*))/g;

/**
 * Compose's variable interpolation of one string value, with `variables` playing the part of .env and the shell.
 * Every variable met is pushed onto `references`.
 */
export function interpolate(
  text: string,
  variables: Readonly<Record<string, string>>,
  references: VariableReference[],
): string {
  return text.replace(
    variablePattern,
    (
      match,
      braced: string | undefined,
      operator: string | undefined,
      argument: string | undefined,
      bare: string | undefined,
    ) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare) as string;
      const value = variables[name];
      const isSet = value !== undefined;
      const hasValue = isSet && value !== '';
      references.push({ name, required: operator === ':?' || operator === '?' });
      switch (operator) {
        case ':-':
          return hasValue ? value : (argument ?? '');
        case '-':
          return isSet ? value : (argument ?? '');
        case ':?':
        case '?':
          if (operator === ':?' ? !hasValue : !isSet) {
            throw new InterpolationError(
              `required variable ${name} is missing a value: ${argument ?? ''}`,
            );
          }
          return value as string;
        case ':+':
          return hasValue ? (argument ?? '') : '';
        case '+':
          return isSet ? (argument ?? '') : '';
        default:
          return value ?? '';
      }
    },
  );
}

/** Interpolates every string value of a parsed compose document (keys are left alone, as compose does). */
export function interpolateDocument<T>(
  document: T,
  variables: Readonly<Record<string, string>>,
  references: VariableReference[],
): T {
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolate(node, variables, references);
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
    }
    return node;
  };
  return visit(document) as T;
}
