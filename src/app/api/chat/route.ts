import { chatHandler } from "@/server/chat/http-handler";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Chat turns: see src/server/chat/respond.ts (same-site → auth → validate → ownership → limit → persist → stream). */
export const POST = chatHandler;
