// Expressions in trigger `if`s, `waitForEvent` `if`/`match` and `cancelOn` `if`: Inngest evaluates
// them as CEL with `event` (the run's trigger event) and `async` (the newly arrived event).
// A CEL library does the parsing and evaluation; this module adds caching and Inngest's rule that
// an expression that errors (e.g. a missing field) simply does not match.
import { parse } from "@marcbachmann/cel-js";

type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

/** Parses (and caches) an expression; throws on a syntax error. */
export function compileExpression(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    if (cache.size > 1000) cache.clear();
    cache.set(expression, compiled);
  }
  return compiled;
}

/**
 * Evaluates `expression` against `vars` and returns true only for a boolean true result.
 * Syntax errors, missing fields and type errors all count as "no match", as in Inngest.
 */
export function evaluateExpression(expression: string | undefined | null, vars: Record<string, unknown>): boolean {
  if (!expression?.trim()) return true;
  try {
    const result = compileExpression(expression)(vars);
    return result === true;
  } catch {
    return false;
  }
}

/** Why an expression does not parse, or null if it does (used to show bad expressions on the dashboard). */
export function expressionError(expression: string): string | null {
  try {
    compileExpression(expression);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The value of a key or priority expression (concurrency/throttle/rateLimit/debounce/singleton
 * keys, idempotency, priority.run), or undefined when it errors (e.g. a missing field).
 */
export function evaluateValue(expression: string, vars: Record<string, unknown>): unknown {
  try {
    return compileExpression(expression)(vars);
  } catch {
    return undefined;
  }
}
