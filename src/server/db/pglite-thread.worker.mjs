// The embedded database (PGlite) on a thread of its own. PGlite runs Postgres compiled to
// WebAssembly synchronously, so in the server's thread every statement would stop every request
// while it runs; here it runs beside them, the way a database server's process does.
// Spoken to by pglite-thread.ts: each message has an id and gets exactly one answer with that id.
// Plain JavaScript because Node loads it as it is, outside the app's bundle.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** Open transactions by the id of their "begin": the PGlite handle, how to end it, and its outcome. */
const open = new Map();
const ROLLBACK = Symbol("rollback");

function answer(id, result) {
  parentPort.postMessage({ id, ok: true, result });
}

/** An error as plain data: its message and Postgres's fields (code, constraint, detail…). */
function failure(id, error) {
  const fields = error && typeof error === "object" ? { ...error } : {};
  delete fields.query; // the caller knows its query; params and options may not be cloneable
  delete fields.params;
  delete fields.queryOptions;
  parentPort.postMessage({ id, ok: false, error: { ...fields, name: error?.name ?? "Error", message: String(error?.message ?? error) } });
}

/** Columns of these types come back as the text Postgres sent; the caller's parsers read them. */
function optionsFor(msg) {
  const parsers = {};
  for (const type of msg.rawTypes) parsers[type] = (text) => text;
  return { rowMode: msg.rowMode, parsers };
}

let db;
try {
  db = await PGlite.create(workerData.dataDir);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: String(error?.stack ?? error) });
  process.exit(1);
}

async function query(msg) {
  const target = msg.tx === undefined ? db : open.get(msg.tx)?.tx;
  if (!target) throw new Error("The transaction has already ended.");
  const r = await target.query(msg.sql, msg.params, optionsFor(msg));
  return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
}

/** Opens a transaction that holds the database (PGlite runs no other statement meanwhile) until its "end". */
function begin(msg) {
  const entry = { tx: null, end: null, settled: null };
  const ended = new Promise((resolve, reject) => {
    entry.end = { commit: resolve, rollback: () => reject(ROLLBACK) };
  });
  entry.settled = db
    .transaction(async (tx) => {
      entry.tx = tx;
      open.set(msg.id, entry);
      answer(msg.id, null);
      await ended;
    })
    .finally(() => open.delete(msg.id));
  // BEGIN itself failed: the transaction never opened, so its failure is the answer to "begin".
  entry.settled.catch((error) => {
    if (entry.tx === null) failure(msg.id, error);
  });
}

parentPort.on("message", async (msg) => {
  try {
    switch (msg.op) {
      case "query":
        answer(msg.id, await query(msg));
        return;
      case "begin":
        begin(msg);
        return;
      case "end": {
        const t = open.get(msg.tx);
        if (!t) throw new Error("The transaction has already ended.");
        if (msg.commit) t.end.commit();
        else t.end.rollback();
        try {
          await t.settled;
        } catch (error) {
          if (error !== ROLLBACK) throw error;
        }
        answer(msg.id, null);
        return;
      }
      case "close":
        await db.close();
        answer(msg.id, null);
        return;
      default:
        throw new Error(`Unknown operation ${msg.op}`);
    }
  } catch (error) {
    failure(msg.id, error);
  }
});
