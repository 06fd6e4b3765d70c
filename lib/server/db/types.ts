export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded database in its worker thread: a port another thread of this process opens the
   * same database with (openPgliteOnPort). Absent where the database is not in a thread of its own.
   */
  share?(): Promise<import("node:worker_threads").MessagePort>;
}

export class DbLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${lockFile.replace(/\/pglite\.lock$/, "")} is open in another process (pid ${pid}). ` +
        "PGlite admits one process at a time; stop that process or set DATABASE_URL to use Postgres.",
    );
    this.name = "DbLockedError";
  }
}
