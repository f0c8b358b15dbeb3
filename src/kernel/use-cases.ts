/** A use-case: a function of the deps it is built from, then its own parameters. */
type UseCase<Deps> = (deps: Deps, ...args: never[]) => unknown;

/** Each use-case with the deps given, keeping its other parameters: a service object for routes to call. */
export function withDeps<Deps, UseCases extends Record<string, UseCase<Deps>>>(
  deps: Deps,
  useCases: UseCases,
): {
  [Name in keyof UseCases]: UseCases[Name] extends (deps: Deps, ...args: infer Args) => infer Result
    ? (...args: Args) => Result
    : never;
} {
  const bound = Object.entries(useCases).map(([name, useCase]) => [
    name,
    (...args: never[]) => useCase(deps, ...args),
  ]);
  return Object.fromEntries(bound) as ReturnType<typeof withDeps<Deps, UseCases>>;
}
