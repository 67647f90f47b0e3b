/**
 * The rows of a raw `db.execute(sql)`. Every driver Radium runs on (node-postgres, PGlite, the Neon
 * driver) answers with `{ rows }`, but `Db` is typed for any driver, so its result type cannot say
 * so: this is the one place that reads it, with the row type the statement's select list gives.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
