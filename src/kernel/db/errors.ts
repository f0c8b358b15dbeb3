/** The database cannot be opened or reached; the message says what to do. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The embedded database's data directory is held by another live process (usually the server). */
export class DataDirInUseError extends DatabaseUnavailableError {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Peelian process (pid ${holderPid}). ` +
        'Stop that process first, or set PEELIAN_DATA_DIR to another directory.',
    );
  }
}
