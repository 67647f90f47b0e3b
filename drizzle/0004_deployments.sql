CREATE TABLE "deployment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deployment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_secrets" (
	"deployment_id" uuid NOT NULL,
	"key" text NOT NULL,
	"ciphertext" text NOT NULL,
	"iv" text NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "deployment_secrets_deployment_id_key_pk" PRIMARY KEY("deployment_id","key")
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"model_id" text NOT NULL,
	"config" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"provider_kind" text,
	"provider_id" text,
	"endpoint_url" text,
	"hourly_cents" bigint NOT NULL,
	"monthly_min_cents" bigint NOT NULL,
	"monthly_expected_cents" bigint NOT NULL,
	"monthly_max_cents" bigint NOT NULL,
	"api_token_hash" text NOT NULL,
	"api_token_prefix" text NOT NULL,
	"terms_version" text NOT NULL,
	"terms_accepted_at" timestamp with time zone NOT NULL,
	"payment_brand" text NOT NULL,
	"payment_last4" text NOT NULL,
	"payment_exp_month" integer NOT NULL,
	"payment_exp_year" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_count" bigint DEFAULT 0 NOT NULL,
	"avg_latency_ms" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deployment_events" ADD CONSTRAINT "deployment_events_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_secrets" ADD CONSTRAINT "deployment_secrets_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployment_events_deployment_idx" ON "deployment_events" USING btree ("deployment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_user_name_live_idx" ON "deployments" USING btree ("user_id","name") WHERE "deployments"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_user_idempotency_idx" ON "deployments" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_api_token_hash_idx" ON "deployments" USING btree ("api_token_hash");--> statement-breakpoint
CREATE INDEX "deployments_user_created_idx" ON "deployments" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_user_status_created_idx" ON "deployments" USING btree ("user_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);