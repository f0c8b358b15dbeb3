import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The running server offers its embedded database to `peelian` commands on a Unix socket in the data
 * directory. The name is the one PostgreSQL clients look for in a socket directory, so a command reaches
 * it with `pg` given `host: <data directory>, port: 5432`.
 */
export const COMMAND_SOCKET_FILE = '.s.PGSQL.5432';
export const COMMAND_SOCKET_PORT = 5432;

/** A command that holds the database but sends nothing for this long is disconnected and rolled back. */
const IDLE_LIMIT_MS = 30_000;
/** Linux refuses socket paths longer than this (sun_path is 108 bytes, one for the final NUL). */
const MAX_SOCKET_PATH_BYTES = 107;

export interface CommandSocket {
  path: string;
  stop(): Promise<void>;
}

/**
 * Listens for commands on the socket, one connection at a time. The data directory is made private to
 * its owner first (as PostgreSQL requires of its own), so nobody else can reach the socket even before
 * the socket file itself is set to 0600; there is no password, the file permissions are the access control.
 */
export async function openCommandSocket(pglite: PGlite, dataDir: string): Promise<CommandSocket> {
  const socketPath = path.join(dataDir, COMMAND_SOCKET_FILE);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES)
    throw new Error(
      `the socket path ${socketPath} is longer than ${MAX_SOCKET_PATH_BYTES} bytes; set PEELIAN_DATA_DIR to a shorter path`,
    );
  fs.chmodSync(dataDir, 0o700);
  // Our caller holds the data directory's lock, so a socket already here was left by a server that died.
  fs.rmSync(socketPath, { force: true });
  const session = new CommandSession(pglite);
  const server = new PGLiteSocketServer({
    db: session.asPGlite(),
    path: socketPath,
    maxConnections: 1,
    idleTimeout: IDLE_LIMIT_MS,
  });
  forgetFailedConnections(server);
  await server.start();
  fs.chmodSync(socketPath, 0o600);
  return {
    path: socketPath,
    async stop() {
      await server.stop();
      await session.end();
      fs.rmSync(socketPath, { force: true });
    },
  };
}

/**
 * pglite-socket 0.2.11 forgets a connection only on its 'close' event, which it never sends for one that
 * ended in an error (a client that exits without saying goodbye): with one connection allowed, every later
 * command would then be refused. So a connection that reports an error is forgotten too. This reaches into
 * the server's private set of handlers; re-check it when upgrading pglite-socket.
 */
function forgetFailedConnections(server: PGLiteSocketServer): void {
  const handlers = (server as unknown as { handlers: Set<EventTarget> }).handlers;
  const add = handlers.add.bind(handlers);
  handlers.add = (handler) => {
    handler.addEventListener('error', () => handlers.delete(handler));
    return add(handler);
  };
}

/**
 * pglite-socket runs each protocol message of a client under PGlite's query lock only. Between two
 * messages of a command's transaction the server's own queries could then slip into that transaction,
 * and a command's statements into a transaction of the server's. So the command's session also holds the
 * lock that every in-process query and transaction of PGlite takes (its transaction lock), from its first
 * message until PGlite answers ReadyForQuery with status idle: the server's requests wait for one
 * statement or one short transaction of the command, never for the whole command.
 */
class CommandSession {
  readonly #pglite: PGlite;
  #release: (() => void) | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #lastAnswerIdle = false;
  /** Set when a quiet session was ended under a client that may still talk: it must not carry on. */
  #abandoned = false;
  /**
   * PGlite cannot take COPY FROM STDIN over the protocol: given the COPY alone it finds no input and
   * loses protocol synchronisation. So the session answers CopyInResponse itself, keeps the rows, and
   * on CopyDone runs the same COPY from /dev/blob, as the server's own imports do. A command's COPY is
   * held in memory whole; imports send one month's file per COPY.
   */
  #copyIn: Uint8Array[] | undefined;
  /** Where the current message's answer goes, to send a FATAL error if running it fails. */
  #answerFatal: ((data: Uint8Array) => void) | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  /** The part of PGlite that pglite-socket uses, with the session's locking around it. */
  asPGlite(): PGlite {
    const pglite = this.#pglite;
    const view: Pick<
      PGlite,
      'waitReady' | 'isInTransaction' | 'runExclusive' | 'execProtocolRawStream' | 'exec'
    > = {
      waitReady: pglite.waitReady,
      // Only a transaction the session holds the lock for is the command's; any other is the server's.
      isInTransaction: () => this.#release !== undefined && pglite.isInTransaction(),
      // pglite-socket ignores the result; the answer reaches it through onRawData.
      runExclusive: async (work) => (await this.#runMessage(work)) as Awaited<ReturnType<typeof work>>,
      execProtocolRawStream: (message, options) => this.#execute(message, options),
      // pglite-socket calls this only to roll back the transaction of a client that disconnected.
      exec: async () => {
        if (this.#release) await this.#abandon();
        return [];
      },
    };
    return view as PGlite;
  }

  /** Ends the session's hold on the database (the server is stopping). */
  async end(): Promise<void> {
    if (this.#release) await this.#abandon();
  }

  /**
   * Never throws: pglite-socket stops serving anyone once a message fails. A failure is answered as
   * PostgreSQL would, with a FATAL error that makes the client drop the connection, and what the
   * session had open is rolled back.
   */
  async #runMessage<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (!this.#release) this.#release = await takeTransactionLock(this.#pglite);
    this.#restartWatchdog();
    try {
      const result = await this.#pglite.runExclusive(work);
      if (this.#lastAnswerIdle && !this.#pglite.isInTransaction()) this.#letGo();
      return result;
    } catch (error) {
      this.#answerFatal?.(fatalError((error as Error).message));
      await this.#abandon();
      return undefined;
    }
  }

  async #execute(
    message: Uint8Array,
    options: Parameters<PGlite['execProtocolRawStream']>[1],
  ): Promise<void> {
    this.#answerFatal = options?.onRawData;
    if (isStartupMessage(message)) this.#abandoned = false;
    else if (this.#abandoned)
      throw new Error('This session was idle too long while holding the database and has been ended.');
    if (this.#copyIn === undefined && isCopyFromStdin(message)) {
      // Real PostgreSQL would answer CopyInResponse here and wait for the rows; we answer it for PGlite.
      this.#copyIn = [message];
      options?.onRawData(COPY_IN_RESPONSE);
      return;
    }
    if (this.#copyIn !== undefined) return this.#continueCopy(message, options);
    return this.#answer(message, options);
  }

  /** Keeps a COPY's rows until it ends, then loads them as PGlite loads files: from /dev/blob. */
  async #continueCopy(message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) {
    const copy = this.#copyIn as Uint8Array[];
    if (message[0] === COPY_DATA_TYPE) {
      copy.push(message.subarray(5));
      return;
    }
    this.#copyIn = undefined;
    if (message[0] !== COPY_DONE_TYPE) return this.#answer(simpleQuery(COPY_FAILED), options);
    const [statement, ...rows] = copy as [Uint8Array, ...Uint8Array[]];
    await this.#pglite._handleBlob(new Blob(rows as BlobPart[]));
    try {
      await this.#answer(simpleQuery(fromDevBlob(statement)), options);
    } finally {
      await this.#pglite._cleanupBlob();
    }
  }

  async #answer(message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]): Promise<void> {
    const tail = new ReadyForQueryTail();
    await this.#pglite.execProtocolRawStream(message, {
      ...options,
      onRawData: (data) => {
        tail.push(data);
        options?.onRawData(data);
      },
    });
    // PGlite answers nothing to Terminate; the client is leaving, so the session is over.
    this.#lastAnswerIdle = tail.isIdle() || message[0] === TERMINATE_TYPE;
  }

  /** Closes whatever the client left open (an unfinished extended query, a transaction) and lets go. */
  async #abandon(): Promise<void> {
    this.#copyIn = undefined;
    await this.#pglite.runExclusive(async () => {
      await this.#pglite.execProtocolRaw(SYNC_MESSAGE);
      if (this.#pglite.isInTransaction()) await this.#pglite.execProtocolRaw(ROLLBACK_MESSAGE);
    });
    this.#letGo();
  }

  #restartWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => {
      this.#abandoned = true;
      void this.#abandon();
    }, IDLE_LIMIT_MS);
    this.#watchdog.unref();
  }

  #letGo(): void {
    clearTimeout(this.#watchdog);
    this.#lastAnswerIdle = false;
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}

/**
 * Takes PGlite's transaction lock and keeps it until the returned function is called. PGlite offers the
 * lock only around a callback (`_runExclusiveTransaction`, used by its own `query` and `transaction`),
 * so the callback waits on a promise that the release function settles.
 */
function takeTransactionLock(pglite: PGlite): Promise<() => void> {
  return new Promise((taken) => {
    void pglite._runExclusiveTransaction(() => new Promise<void>((release) => taken(() => release())));
  });
}

/** A startup message has no type byte: it begins with its length, whose first byte is 0 for any real one. */
function isStartupMessage(message: Uint8Array): boolean {
  return message[0] === 0;
}

/** Remembers the last six bytes a query answered, to see whether they are ReadyForQuery 'I' (idle). */
class ReadyForQueryTail {
  #tail = new Uint8Array(0);

  push(data: Uint8Array): void {
    const joined = new Uint8Array(this.#tail.length + data.length);
    joined.set(this.#tail);
    joined.set(data, this.#tail.length);
    this.#tail = joined.slice(-READY_FOR_QUERY_IDLE.length);
  }

  isIdle(): boolean {
    return (
      this.#tail.length === READY_FOR_QUERY_IDLE.length &&
      this.#tail.every((byte, index) => byte === READY_FOR_QUERY_IDLE[index])
    );
  }
}

/** 'Z', length 5, transaction status 'I'. */
const READY_FOR_QUERY_IDLE = Uint8Array.of(0x5a, 0, 0, 0, 5, 0x49);
const QUERY_TYPE = 0x51; // 'Q'
const COPY_DONE_TYPE = 0x63; // 'c'
const COPY_DATA_TYPE = 0x64; // 'd'
/** CopyInResponse ('G'): text format, no per-column formats (pg and pg-copy-streams read neither). */
const COPY_IN_RESPONSE = Uint8Array.of(0x47, 0, 0, 0, 7, 0, 0, 0);
/** What PostgreSQL reports when a client gives up a COPY (CopyFail): an error that aborts the transaction. */
const COPY_FAILED = `DO $$ BEGIN RAISE EXCEPTION 'COPY from stdin failed'; END $$`;
/** 'X', the message a client sends as it disconnects. */
const TERMINATE_TYPE = 0x58;
/** 'S', length 4. */
const SYNC_MESSAGE = Uint8Array.of(0x53, 0, 0, 0, 4);
const ROLLBACK_MESSAGE = simpleQuery('ROLLBACK');

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

/** A simple query whose text is a COPY … FROM STDIN (as `copyStatement` writes them). */
function isCopyFromStdin(message: Uint8Array): boolean {
  if (message[0] !== QUERY_TYPE) return false;
  const text = Buffer.from(message.subarray(5, message.length - 1)).toString('utf8');
  return /^\s*COPY\b[^;]*\bFROM\s+STDIN\b/i.test(text);
}

/** The COPY statement of a simple query message, reading /dev/blob instead of STDIN. */
function fromDevBlob(message: Uint8Array): string {
  const text = Buffer.from(message.subarray(5, message.length - 1)).toString('utf8');
  return text.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
}

/** An ErrorResponse of severity FATAL: the client gives up the connection on reading it. */
function fatalError(text: string): Uint8Array {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C57P01\0M${text}\0\0`, 'utf8');
  const message = Buffer.alloc(5 + fields.length);
  message.write('E', 0, 'ascii');
  message.writeInt32BE(4 + fields.length, 1);
  fields.copy(message, 5);
  return message;
}
