import { handleAttachmentUpload } from "@/server/chat/attachment-http";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Uploads one chat attachment (the raw body; see src/server/chat/attachment-http.ts). */
export const POST = route((req: Request) => handleAttachmentUpload(req));
