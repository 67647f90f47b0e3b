ALTER TABLE "chats" ADD COLUMN "leaf_id" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "parent_id" text;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_parent_id_messages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_parent_idx" ON "messages" USING btree ("parent_id");--> statement-breakpoint
-- Existing chats are one branch: each message follows the one before it, the last is the tip.
UPDATE "messages" AS m SET "parent_id" = p.prev
  FROM (SELECT "id", lag("id") OVER (PARTITION BY "chat_id" ORDER BY "created_at", "id") AS prev FROM "messages") AS p
 WHERE m."id" = p."id" AND p.prev IS NOT NULL;--> statement-breakpoint
UPDATE "chats" AS c SET "leaf_id" = l."id"
  FROM (SELECT DISTINCT ON ("chat_id") "chat_id", "id" FROM "messages" ORDER BY "chat_id", "created_at" DESC, "id" DESC) AS l
 WHERE c."id" = l."chat_id";
