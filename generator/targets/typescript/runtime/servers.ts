/** Server URLs with variables (`https://{region}.example.com`): each variable a client option,
 * its default used when it is not given, its allowed values checked. */

import { ConfigurationError } from "./errors.js";

/** A server's variables: the name in its URL, the default, the allowed values (empty: any). */
export type Variables = readonly (readonly [string, string, readonly string[]])[];

/** `template` with each variable replaced by its given value, else its default. */
export function serverUrl(template: string, variables: Variables, given: Record<string, string | undefined>): string {
  let url = template;
  for (const [name, fallback, allowed] of variables) {
    const value = given[name] ?? fallback;
    if (given[name] !== undefined && allowed.length > 0 && !allowed.includes(value)) {
      throw new ConfigurationError(`server variable "${name}" cannot be "${value}"; allowed: ${allowed.join(", ")}`);
    }
    url = url.split(`{${name}}`).join(value);
  }
  return url;
}
