ALTER TABLE "documents" DROP CONSTRAINT "documents_chat_id_chats_id_fk";
--> statement-breakpoint
DROP INDEX "chats_user_updated_idx";--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chats_user_updated_id_idx" ON "chats" USING btree ("user_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "votes_chat_user_idx" ON "votes" USING btree ("chat_id","user_id");--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_visibility_check" CHECK ("chats"."visibility" in ('private', 'public'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('text', 'code', 'sheet'));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_role_check" CHECK ("messages"."role" in ('user', 'assistant', 'system'));--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_status_check" CHECK ("suggestions"."status" in ('open', 'applied', 'dismissed'));