/**
 * A transaction whose opening statement rides on its BEGIN, in one round trip: the simple query
 * protocol runs several statements sent as one message. On a hot path every round trip also waits
 * for a busy event loop to read its answer, so one fewer is worth having. The opening's
 * parameters go in as quoted literals (the simple protocol takes none); the work's statements keep
 * theirs. Without a pool of server sessions (the embedded database) it is an ordinary transaction.
 */
import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rowsOf } from "./rows";
import type { Db } from "./types";

/** One checked-out session of a node-postgres or Neon pool: what this module uses of it. */
export interface PooledSession {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  escapeLiteral(value: string): string;
  release(destroy?: boolean): void;
}

export interface SessionPool {
  connect(): Promise<PooledSession>;
}

/** Runs a statement of the transaction; answers its rows, typed by the statement's select list. */
export type RunInTransaction = <R>(statement: SQL) => Promise<R[]>;

const dialect = new PgDialect();

/** The statement as text, each parameter replaced by its quoted literal. */
function inlined(statement: SQL, session: PooledSession): string {
  const { sql, params } = dialect.sqlToQuery(statement);
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new Error(`openedTransaction: parameter $${n} of the opening cannot be written as a literal`);
    }
    return session.escapeLiteral(String(value));
  });
}

export async function openedTransaction<T>(
  conn: { db: Db; sessions?: SessionPool },
  opening: SQL,
  work: (run: RunInTransaction) => Promise<T>,
): Promise<T> {
  const { db, sessions } = conn;
  if (!sessions) {
    return db.transaction(async (tx) => {
      await tx.execute(opening);
      return work(async <R>(statement: SQL) => rowsOf<R>(await tx.execute(statement)));
    });
  }
  const session = await sessions.connect();
  let reusable = true;
  try {
    await session.query(`begin; ${inlined(opening, session)}`);
    const result = await work(async <R>(statement: SQL) => {
      const { sql, params } = dialect.sqlToQuery(statement);
      return rowsOf<R>(await session.query(sql, params));
    });
    await session.query("commit");
    return result;
  } catch (error) {
    await session.query("rollback").catch(() => {
      reusable = false;
    });
    throw error;
  } finally {
    session.release(!reusable);
  }
}
