import type { NextRequest } from "next/server";
import { verifyWebhook } from "@clerk/nextjs/webhooks";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { deleteUser, upsertUser } from "@/server/users/ensure-user";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";

/** Clerk's user.* webhooks keep `users` in step with Clerk (signature verified locally). */
export const POST = route(async (req: NextRequest) => {
  let evt: Awaited<ReturnType<typeof verifyWebhook>>;
  try {
    evt = await verifyWebhook(req, { signingSecret: env.CLERK_WEBHOOK_SIGNING_SECRET });
  } catch {
    return problem(req, { status: 400, title: "Bad Request", detail: "Invalid webhook signature." });
  }
  const db = await getDb();
  if (evt.type === "user.created" || evt.type === "user.updated") {
    const u = evt.data;
    const email = u.email_addresses.find((e) => e.id === u.primary_email_address_id)?.email_address ?? u.email_addresses[0]?.email_address ?? "";
    const name = [u.first_name, u.last_name].filter(Boolean).join(" ") || u.username || null;
    if (await upsertUser(db, { id: u.id, email, name, imageUrl: u.image_url })) kickOutbox();
  } else if (evt.type === "user.deleted" && evt.data.id) {
    await deleteUser(db, evt.data.id);
  }
  return Response.json({ ok: true, type: evt.type });
});
