import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isPublicError, publicMessage } from "@/server/api/error-message";

describe("publicMessage", () => {
  it("keeps messages we wrote and tRPC's own", () => {
    const notFound = new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
    expect(publicMessage(notFound, "r1")).toBe("Chat not found.");
    expect(isPublicError(notFound)).toBe(true);
  });

  it("keeps validation messages", () => {
    const zodError = z.object({ a: z.string() }).safeParse({}).error;
    const error = new TRPCError({ code: "BAD_REQUEST", message: "a: bad", cause: zodError });
    expect(publicMessage(error, "r1")).toBe("a: bad");
  });

  it("replaces an internal error's message (SQL, parameters) with a generic one naming the request id", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error('Failed query: select * from "chats" where id = $1\nparams: x') });
    expect(publicMessage(error, "req-42")).toBe("Something went wrong on the server. If it keeps happening, report it with request id req-42.");
    expect(publicMessage(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "ours, but internal" }), null)).toBe(
      "Something went wrong on the server. If it keeps happening, report it.",
    );
  });

  it("replaces the message of any error caused by something other than a TRPCError or a validation error", () => {
    const dbError = new Error('insert into "votes" values ($1)');
    expect(publicMessage(new TRPCError({ code: "CONFLICT", cause: dbError }), "r")).not.toContain("insert");
    expect(publicMessage(new TRPCError({ code: "BAD_REQUEST", cause: dbError }), "r")).toBe("The request is not valid.");
    expect(publicMessage(new TRPCError({ code: "BAD_REQUEST", cause: new SyntaxError("Unexpected token") }), "r")).toBe("The input is not valid JSON.");
  });
});
