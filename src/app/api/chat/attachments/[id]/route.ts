import { handleAttachmentDelete, handleAttachmentRead } from "@/server/chat/attachment-http";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** An attachment, for whoever may read it (src/server/chat/access.ts). */
export const GET = route(async (req: Request, ctx: RouteContext<"/api/chat/attachments/[id]">) => handleAttachmentRead(req, (await ctx.params).id));

/** Removes an attachment taken off the message before it was sent. */
export const DELETE = route(async (req: Request, ctx: RouteContext<"/api/chat/attachments/[id]">) => handleAttachmentDelete(req, (await ctx.params).id));
