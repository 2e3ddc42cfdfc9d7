/** Credentials: which of the configured ones a call sends, and where each goes.
 *
 * The API's security schemes (`Scheme`) come from the spec; a client holds what its caller
 * configured for each (`Security`). Each call names the alternatives its operation accepts
 * (`Requirement`, in the document's order): the first whose schemes are all configured is sent,
 * every scheme of it at once. An empty alternative means "no credentials needed"; an operation
 * with `security: []` has no alternatives and sends nothing. A call whose credentials are missing
 * fails before it is sent, naming the options to pass. */

import { ConfigurationError, errorFromResponse } from "./errors.js";
import type { Fetch } from "./core.js";

export type SchemeKind = "bearer" | "basic" | "api_key" | "oauth2";
/** An operation's alternatives, each the names of the schemes it sends together. */
export type Requirement = readonly (readonly string[])[];
/** A credential, or a function returning it for every request. */
export type Secret = string | (() => string | Promise<string>);

/** Seconds before an OAuth2 token expires that a new one is fetched instead. */
export const EXPIRY_MARGIN_SECONDS = 30;
const ALWAYS_CREDENTIALS = ["authorization", "proxy-authorization", "cookie"];

/** One security scheme of the API and the client options that configure it. */
export interface Scheme {
  name: string;
  kind: SchemeKind;
  /** The client options of its credentials, in order (username, password; id, secret). */
  options: readonly string[];
  /** The environment variable each option is read from when not given. */
  env: readonly (string | undefined)[];
  place?: "header" | "query" | "cookie";
  parameter?: string;
  /** `token` fills this scheme when its own options are not given. */
  tokenAlias?: boolean;
  tokenUrl?: string;
  scopes?: readonly string[];
}

/** The credentials of one request. */
/** The credentials of one request; read, never changed, once made (`apply` hands the same
 * one to every call with the same text credentials). */
export interface Applied {
  readonly headers: Record<string, string>;
  readonly query: [string, string][];
  readonly cookies: string[];
  /** The OAuth2 tokens it used, to forget when the API answers 401. */
  readonly fetched: [OAuth2Tokens, string][];
}

/** The environment variable `name`, where the runtime has one (Node, Bun, Deno with access). */
export function readEnv(name: string | undefined): string | undefined {
  if (name === undefined) {
    return undefined;
  }
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  const value = host.process?.env?.[name];
  return value === undefined || value === "" ? undefined : value;
}

async function valueOf(secret: Secret): Promise<string> {
  const value = typeof secret === "function" ? await secret() : secret;
  if (!value) {
    throw new ConfigurationError("a credential function returned no credential");
  }
  return value;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** Whether `values` are a scheme's credentials as plain text, to send as they are: no function
 * to call, none empty (only a basic password may be). */
function givenAsText(scheme: Scheme, values: readonly Secret[]): values is readonly string[] {
  return values.every(
    (value, i) => typeof value === "string" && (value !== "" || (scheme.kind === "basic" && i === 1)),
  );
}

/** Put one scheme's credentials (its values as text) where the scheme sends them. */
function place(applied: Applied, scheme: Scheme, texts: readonly string[]): void {
  if (scheme.kind === "basic") {
    applied.headers["authorization"] = `Basic ${base64(`${texts[0]}:${texts[1]}`)}`;
  } else if (scheme.kind === "bearer" || scheme.kind === "oauth2") {
    applied.headers["authorization"] = `Bearer ${texts[0]}`;
  } else if (scheme.place === "query") {
    applied.query.push([scheme.parameter!, texts[0]!]);
  } else if (scheme.place === "cookie") {
    applied.cookies.push(`${scheme.parameter}=${encodeURIComponent(texts[0]!)}`);
  } else {
    applied.headers[scheme.parameter!.toLowerCase()] = texts[0]!;
  }
}

/** The scheme's credentials from `token`: for basic `user:password`, or a username alone. */
function fromToken(scheme: Scheme, token: Secret): Secret[] {
  if (scheme.kind !== "basic" || typeof token !== "string") {
    return [token];
  }
  const colon = token.indexOf(":");
  return colon < 0 ? [token, ""] : [token.slice(0, colon), token.slice(colon + 1)];
}

/** The credentials a client was configured with, and which of them each call sends. */
export class Security {
  readonly schemes: Map<string, Scheme>;
  readonly values = new Map<string, Secret[]>();
  readonly oauth2 = new Map<string, OAuth2Tokens>();
  /** The credentials configured as plain text, by scheme: sent without awaiting anything. */
  private readonly texts = new Map<string, readonly string[]>();
  /** What `apply` last gave for schemes all configured as text (they do not change), by the
   * schemes it was given: a client's calls pass the same schemes again and again. */
  private appliedTexts: readonly [chosen: readonly Scheme[], applied: Applied] | undefined;

  constructor(
    schemes: readonly Scheme[],
    given: Record<string, readonly (Secret | undefined)[]>,
    token: Secret | undefined,
    tokenEnv: string | undefined,
    readonly defaultRequirement: Requirement,
  ) {
    const theToken = token ?? readEnv(tokenEnv);
    this.schemes = new Map(schemes.map((scheme) => [scheme.name, scheme]));
    for (const scheme of schemes) {
      const values = (given[scheme.name] ?? []).map((value, i) => value ?? readEnv(scheme.env[i]));
      if (scheme.kind === "basic" && values[0] !== undefined && values[1] === undefined) {
        values[1] = "";
      }
      if (values.length > 0 && values.every((value) => value !== undefined)) {
        this.values.set(scheme.name, values as Secret[]);
      } else if (scheme.tokenAlias && theToken !== undefined) {
        this.values.set(scheme.name, fromToken(scheme, theToken));
      }
      const configured = this.values.get(scheme.name);
      if (scheme.kind === "oauth2" && configured?.length === 2) {
        this.oauth2.set(scheme.name, new OAuth2Tokens(scheme, configured[0]!, configured[1]!));
      } else if (configured !== undefined && givenAsText(scheme, configured)) {
        this.texts.set(scheme.name, configured);
      }
    }
  }

  /** The schemes a call sends: the first configured alternative, [] when none is needed,
   * `undefined` when a needed one is missing. */
  choose(requirement: Requirement): Scheme[] | undefined {
    for (const alternative of requirement) {
      if (alternative.length > 0 && alternative.every((name) => this.values.has(name))) {
        return alternative.map((name) => this.schemes.get(name)!);
      }
    }
    return requirement.length === 0 || requirement.some((a) => a.length === 0) ? [] : undefined;
  }

  /** The error of a call whose credentials are not configured, naming what to pass. */
  missing(requirement: Requirement): ConfigurationError {
    const hints = requirement.map((alternative) => {
      const wanted = alternative.filter((name) => !this.values.has(name)).map((name) => this.schemes.get(name)!);
      const options = wanted.flatMap((scheme) => scheme.options.map((option) => `\`${option}\``));
      const env = wanted.flatMap((scheme) => scheme.env.filter((e): e is string => e !== undefined));
      return options.join(" and ") + (env.length > 0 ? ` (or set ${env.join(", ")})` : "");
    });
    if (hints.length === 1 && hints[0]!.startsWith("`token`")) {
      const env = this.schemes.get(requirement[0]![0]!)?.env[0];
      return new ConfigurationError(`no API token: pass \`token\`${env ? ` or set ${env}` : ""}`);
    }
    return new ConfigurationError(`no credentials for this call: pass ${hints.join("; or ")}`);
  }

  /** The credentials of `chosen` for one request: at once when all are configured as text, else
   * a promise (calling credential functions, fetching OAuth2 tokens as needed). */
  apply(chosen: readonly Scheme[], fetchImpl: Fetch, baseUrl: string): Applied | Promise<Applied> {
    if (this.appliedTexts?.[0] === chosen) {
      return this.appliedTexts[1];
    }
    if (!chosen.every((scheme) => this.texts.has(scheme.name))) {
      return this.resolveAndApply(chosen, fetchImpl, baseUrl);
    }
    const applied: Applied = { headers: {}, query: [], cookies: [], fetched: [] };
    for (const scheme of chosen) {
      place(applied, scheme, this.texts.get(scheme.name)!);
    }
    this.appliedTexts = [chosen, applied];
    return applied;
  }

  private async resolveAndApply(chosen: readonly Scheme[], fetchImpl: Fetch, baseUrl: string): Promise<Applied> {
    const applied: Applied = { headers: {}, query: [], cookies: [], fetched: [] };
    for (const scheme of chosen) {
      const values = this.values.get(scheme.name)!;
      const cache = this.oauth2.get(scheme.name);
      if (cache !== undefined) {
        const token = await cache.get(fetchImpl, baseUrl);
        applied.fetched.push([cache, token]);
        applied.headers["authorization"] = `Bearer ${token}`;
      } else if (scheme.kind === "basic") {
        const password = values[1] === "" ? "" : await valueOf(values[1]!);
        place(applied, scheme, [await valueOf(values[0]!), password]);
      } else {
        place(applied, scheme, [await valueOf(values[0]!)]);
      }
    }
    return applied;
  }

  /** Every header (lower case) and query parameter that may carry one of these credentials. */
  redirectCredentials(): { headers: string[]; query: string[] } {
    const headers = [...ALWAYS_CREDENTIALS];
    const query: string[] = [];
    for (const scheme of this.schemes.values()) {
      if (scheme.kind === "api_key" && scheme.place === "query") {
        query.push(scheme.parameter!);
      } else if (scheme.kind === "api_key" && scheme.place !== "cookie") {
        headers.push(scheme.parameter!.toLowerCase());
      }
    }
    return { headers, query };
  }
}

/** The access token of an OAuth2 client-credentials flow: fetched on first use (once, for calls
 * that start together), kept until shortly before it expires, fetched again after a 401. */
export class OAuth2Tokens {
  private token: string | undefined;
  private expiresAt = 0;
  private pending: Promise<string> | undefined;
  fetches = 0;

  constructor(
    readonly scheme: Scheme,
    private readonly clientId: Secret,
    private readonly clientSecret: Secret,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The cached token while it is still good. */
  current(): string | undefined {
    return this.token !== undefined && this.now() < this.expiresAt ? this.token : undefined;
  }

  /** Drop `token` (the API refused it), unless another call already replaced it. */
  forget(token: string): void {
    if (this.token === token) {
      this.token = undefined;
    }
  }

  get(fetchImpl: Fetch, baseUrl: string): Promise<string> {
    const token = this.current();
    if (token !== undefined) {
      return Promise.resolve(token);
    }
    this.pending ??= this.fetch(fetchImpl, baseUrl).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(fetchImpl: Fetch, baseUrl: string): Promise<string> {
    const url = new URL(this.scheme.tokenUrl ?? "", `${baseUrl.replace(/\/+$/, "")}/`).toString();
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (this.scheme.scopes !== undefined && this.scheme.scopes.length > 0) {
      form.set("scope", this.scheme.scopes.join(" "));
    }
    const pair = `${await valueOf(this.clientId)}:${await valueOf(this.clientSecret)}`;
    const response = await fetchImpl(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${base64(pair)}`,
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: reported below
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, response.statusText, response.headers, body);
    }
    const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const token = record["access_token"];
    if (typeof token !== "string" || token === "") {
      throw new ConfigurationError(`the token endpoint of "${this.scheme.name}" answered without an access_token`);
    }
    const lifetime = record["expires_in"];
    const seconds = typeof lifetime === "number" ? Math.max(lifetime - EXPIRY_MARGIN_SECONDS, lifetime / 2) : Infinity;
    this.expiresAt = this.now() + seconds * 1000;
    this.token = token;
    this.fetches += 1;
    return token;
  }
}
