/**
 * A URL of the app, named once: `pattern` for the route (`/plans/:slug`), `openApi` for the API description
 * (`/plans/{slug}`), and a call that fills it for links and redirects (`plan({ slug })`). Parameters are
 * URL-encoded; query values that are undefined are left out. A parameter may be followed by an extension
 * (`/scorecard/measures/:code.csv`).
 */
export interface PathTo<Pattern extends string> {
  (...args: PathArgs<Pattern>): string;
  readonly pattern: Pattern;
  readonly openApi: string;
}

type Query = Record<string, string | number | undefined>;

type ParamName<Segment extends string> = Segment extends `${infer Name}.${string}` ? Name : Segment;

/** The `:names` in a pattern, e.g. `'slug' | 'code'` for `/plans/:slug/priorities/:code`. */
export type ParamNames<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? ParamName<Name> | ParamNames<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? ParamName<Name>
    : never;

type PathArgs<Pattern extends string> = [ParamNames<Pattern>] extends [never]
  ? [params?: Record<string, never>, query?: Query]
  : [params: Record<ParamNames<Pattern>, string | number>, query?: Query];

const PARAM = /:([A-Za-z][A-Za-z0-9]*)/g;

export function pathTo<Pattern extends string>(pattern: Pattern): PathTo<Pattern> {
  const fill = (params: Record<string, string | number> = {}, query: Query = {}) => {
    const path = pattern.replace(PARAM, (_match, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`The path ${pattern} needs its ${name}`);
      return encodeURIComponent(String(value));
    });
    const pairs = Object.entries(query).filter(([, value]) => value !== undefined);
    const search = pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
    return search ? `${path}?${search}` : path;
  };
  return Object.assign(fill as (...args: PathArgs<Pattern>) => string, {
    pattern,
    openApi: pattern.replace(PARAM, '{$1}'),
  });
}
