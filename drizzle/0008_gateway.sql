CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"hash" text NOT NULL,
	"prefix" text NOT NULL,
	"deployment_id" uuid,
	"expires_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"scope" text NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"tokens" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_windows_scope_window_start_pk" PRIMARY KEY("scope","window_start")
);
--> statement-breakpoint
-- Hand-written: counters lost in a crash are harmless, and without WAL a commit that only counts does not
-- wait for a disk flush, which would otherwise serialise every request on the deployment's window row.
ALTER TABLE "rate_limit_windows" SET UNLOGGED;--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"api_key_id" uuid,
	"deployment_id" uuid NOT NULL,
	"model" text NOT NULL,
	"source" text NOT NULL,
	"request_id" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"ttft_ms" integer,
	"total_ms" integer NOT NULL,
	"status" integer NOT NULL,
	"error_code" text,
	"stream" boolean NOT NULL,
	"request_text" text,
	"response_text" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "deployments_api_token_hash_idx";--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "api_keys_user_created_idx" ON "api_keys" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "api_keys_deployment_idx" ON "api_keys" USING btree ("deployment_id");--> statement-breakpoint
CREATE INDEX "rate_limit_windows_start_idx" ON "rate_limit_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "usage_records_deployment_created_idx" ON "usage_records" USING btree ("deployment_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "usage_records_deployment_key_created_idx" ON "usage_records" USING btree ("deployment_id","api_key_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "usage_records_user_created_idx" ON "usage_records" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
-- Each deployment's existing wizard token becomes an API key scoped to it (hand-written).
INSERT INTO "api_keys" ("user_id", "name", "hash", "prefix", "deployment_id", "created_at")
SELECT "user_id", "name" || ' (created with the deployment)', "api_token_hash", "api_token_prefix", "id", "created_at" FROM "deployments";--> statement-breakpoint
ALTER TABLE "deployments" DROP COLUMN "api_token_hash";--> statement-breakpoint
ALTER TABLE "deployments" DROP COLUMN "api_token_prefix";