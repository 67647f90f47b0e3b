import { handleChatRequest } from "@/server/chat/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Chat turns: see src/server/chat/respond.ts (same-site → auth → validate → ownership → limit → persist → stream). */
export const POST = route((req: Request) => handleChatRequest(req));
