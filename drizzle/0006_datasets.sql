CREATE TABLE "dataset_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"file_size" bigint NOT NULL,
	"storage_kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"status_reason" text,
	"format" text,
	"base_model_id" text,
	"context_length" integer,
	"validation_split" double precision,
	"validated_bytes" bigint DEFAULT 0 NOT NULL,
	"example_count" integer,
	"token_count" bigint,
	"total_errors" integer DEFAULT 0 NOT NULL,
	"total_warnings" integer DEFAULT 0 NOT NULL,
	"stats" jsonb,
	"preview" jsonb,
	"errors" jsonb,
	"error_counts" jsonb,
	"warnings" jsonb,
	"warning_counts" jsonb,
	"uploaded_at" timestamp with time zone,
	"validated_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"file_removed_at" timestamp with time zone,
	CONSTRAINT "datasets_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "dataset_events" ADD CONSTRAINT "dataset_events_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_events_dataset_idx" ON "dataset_events" USING btree ("dataset_id","id");--> statement-breakpoint
CREATE INDEX "datasets_user_live_created_idx" ON "datasets" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "datasets"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "datasets_file_purge_idx" ON "datasets" USING btree ("deleted_at") WHERE "datasets"."deleted_at" is not null and "datasets"."file_removed_at" is null;