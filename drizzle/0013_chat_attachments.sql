CREATE TABLE "chat_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"storage_kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_attachments_kind_check" CHECK ("chat_attachments"."kind" in ('image', 'text')),
	CONSTRAINT "chat_attachments_storage_kind_check" CHECK ("chat_attachments"."storage_kind" in ('local', 'uploadthing')),
	CONSTRAINT "chat_attachments_size_check" CHECK ("chat_attachments"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "chat_attachments" ADD CONSTRAINT "chat_attachments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_attachments_user_created_idx" ON "chat_attachments" USING btree ("user_id","created_at");