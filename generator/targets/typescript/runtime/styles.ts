/** Values written on the wire by their OpenAPI style: path segments, query and cookie pairs,
 * header values, and the fields of form and multipart bodies. A style is `[name, explode]`, as
 * a method passes it for each argument the API does not write OpenAPI's default way. Booleans
 * are `true`/`false`, dates ISO text, and what a style cannot spell JSON text. */

export type Style = [string, boolean];
export const FORM: Style = ["form", true];
const DELIMITERS: Record<string, string> = { form: ",", spaceDelimited: " ", pipeDelimited: "|" };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** One scalar as text: booleans lower case, null empty, dates ISO, containers JSON. */
export function textOf(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value === null || value === undefined) {
    return "";
  }
  if (typeof value === "object") {
    return JSON.stringify(value);
  }
  return String(value);
}

function flat(value: unknown[] | Record<string, unknown>, explode: boolean): string[] {
  if (Array.isArray(value)) {
    return value.map(textOf);
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return explode
    ? entries.map(([key, item]) => `${key}=${textOf(item)}`)
    : entries.flatMap(([key, item]) => [key, textOf(item)]);
}

/** A path parameter as its segment: `simple` (`a,b`), `label` (`.a.b`), `matrix` (`;id=a,b`). */
export function encodePath(value: unknown, style = "simple", explode = false, name = ""): string {
  const enc = encodeURIComponent;
  if (typeof value === "string" && style === "simple") {
    return enc(value);
  }
  let items: string[];
  if (isObject(value)) {
    const pairs = Object.entries(value).map(([k, v]) => [enc(k), enc(textOf(v))] as const);
    items = explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flatMap(([k, v]) => [k, v]);
  } else if (Array.isArray(value)) {
    items = value.map((item) => enc(textOf(item)));
  } else {
    items = [enc(textOf(value))];
    explode = false;
  }
  if (style === "label") {
    return "." + items.join(explode ? "." : ",");
  }
  if (style === "matrix") {
    if (explode && isObject(value)) {
      return items.map((item) => `;${item}`).join("");
    }
    if (explode) {
      return items.map((item) => `;${enc(name)}=${item}`).join("");
    }
    return `;${enc(name)}=` + items.join(",");
  }
  return items.join(",");
}

/** A header parameter (style `simple`). */
export function headerText(value: unknown, explode = false): string {
  return Array.isArray(value) || isObject(value) ? flat(value, explode).join(",") : textOf(value);
}

function deep(name: string, value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => deep(`${name}[${index}]`, item));
  }
  if (isObject(value)) {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .flatMap(([key, item]) => deep(`${name}[${key}]`, item));
  }
  return [[name, textOf(value)]];
}

/** The (name, text) pairs of one query, cookie or form value written in `style`. */
export function pairsOf(name: string, value: unknown, style: Style): [string, string][] {
  const [kind, explode] = style;
  if (kind === "json") {
    return [[name, JSON.stringify(value)]];
  }
  if (kind === "deepObject") {
    return deep(name, value);
  }
  if (!Array.isArray(value) && !isObject(value)) {
    return [[name, textOf(value)]];
  }
  if (explode && isObject(value)) {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, textOf(item)]);
  }
  if (explode && Array.isArray(value)) {
    return value.map((item) => [name, textOf(item)]);
  }
  return [[name, flat(value, false).join(DELIMITERS[kind] ?? ",")]];
}

/** Every given value of a query, cookie list or form as (name, text) pairs, in order. */
export function pairs(
  values: Record<string, unknown> | undefined,
  styles: Record<string, Style> | undefined,
): [string, string][] {
  const found: [string, string][] = [];
  if (values === undefined) {
    return found;
  }
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (value !== undefined && value !== null) {
      found.push(...pairsOf(name, value, styles?.[name] ?? FORM));
    }
  }
  return found;
}

function isDefault(style: Style): boolean {
  return style[0] === "form" && style[1];
}

function nested(value: unknown): boolean {
  return isObject(value) || (Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null && !(item instanceof Blob)));
}

/** A multipart body: files as file parts, an array as a part per item, bracket names for
 * `deepObject`, and objects without a style of their own as JSON parts. */
export function multipartBody(body: Record<string, unknown>, styles: Record<string, Style> | undefined): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) {
      continue;
    }
    const style = styles?.[name] ?? FORM;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    if (items.some((item) => item instanceof Blob)) {
      for (const item of items) {
        const part = item instanceof Blob ? item : new Blob([textOf(item)]);
        form.append(name, part, part instanceof File ? part.name : name);
      }
    } else if (style[0] === "json" || (isDefault(style) && nested(value))) {
      form.append(name, new Blob([JSON.stringify(value)], { type: "application/json" }));
    } else if (isDefault(style) && Array.isArray(value)) {
      value.forEach((item) => form.append(name, textOf(item)));
    } else {
      pairsOf(name, value, style).forEach(([key, text]) => form.append(key, text));
    }
  }
  return form;
}
