import { handleChatRequest } from "@/server/chat/respond";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Chat turns: see src/server/chat/respond.ts (same-site → auth → validate → ownership → limit → persist → stream). */
export async function POST(req: Request): Promise<Response> {
  return handleChatRequest(req);
}
