CREATE TABLE "budgets" (
	"user_id" text PRIMARY KEY NOT NULL,
	"monthly_budget_cents" bigint,
	"hard_limit" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_daily" (
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cost_daily_user_id_day_type_resource_type_resource_id_pk" PRIMARY KEY("user_id","day","type","resource_type","resource_id")
);
--> statement-breakpoint
CREATE TABLE "cost_meters" (
	"key" text PRIMARY KEY NOT NULL,
	"accrued_until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(20, 0) NOT NULL,
	"details" jsonb NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"billing_period" text NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"period_end" timestamp (3) with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_records_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
DROP INDEX "notifications_user_created_idx";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "priority" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resource_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resource_id" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_daily" ADD CONSTRAINT "cost_daily_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_records" ADD CONSTRAINT "cost_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_records_user_start_idx" ON "cost_records" USING btree ("user_id","period_start" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cost_records_user_type_start_idx" ON "cost_records" USING btree ("user_id","type","period_start" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cost_records_user_resource_start_idx" ON "cost_records" USING btree ("user_id","resource_type","resource_id","period_start" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_type_created_idx" ON "notifications" USING btree ("user_id","type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
-- Existing notifications onto the new types: the dedupe keys name their outcome and resource.
UPDATE "notifications" SET "type" = 'job_completed', "priority" = 'high', "resource_type" = 'training_job', "resource_id" = split_part("dedupe_key", ':', 2), "link" = '/fine-tuning/jobs/' || split_part("dedupe_key", ':', 2) WHERE "type" = 'job' AND "dedupe_key" LIKE 'training:%:completed';--> statement-breakpoint
UPDATE "notifications" SET "type" = 'job_failed', "priority" = 'high', "resource_type" = 'training_job', "resource_id" = split_part("dedupe_key", ':', 2), "link" = '/fine-tuning/jobs/' || split_part("dedupe_key", ':', 2) WHERE "type" = 'job' AND "dedupe_key" LIKE 'training:%:failed';--> statement-breakpoint
UPDATE "notifications" SET "type" = 'dataset_ready', "priority" = 'normal', "resource_type" = 'dataset', "resource_id" = split_part("dedupe_key", ':', 2), "link" = '/datasets/' || split_part("dedupe_key", ':', 2) WHERE "type" = 'dataset' AND "dedupe_key" LIKE 'dataset:%:ready';--> statement-breakpoint
UPDATE "notifications" SET "type" = 'dataset_failed', "priority" = 'high', "resource_type" = 'dataset', "resource_id" = split_part("dedupe_key", ':', 2), "link" = '/datasets/' || split_part("dedupe_key", ':', 2) WHERE "type" = 'dataset' AND "dedupe_key" LIKE 'dataset:%:error';--> statement-breakpoint
UPDATE "notifications" SET "type" = 'cost_alert_100', "priority" = 'critical', "link" = '/costs' WHERE "type" = 'budget';--> statement-breakpoint
UPDATE "notifications" SET "type" = 'system', "priority" = 'low' WHERE "type" NOT IN ('job_completed', 'job_failed', 'dataset_ready', 'dataset_failed', 'deployment_active', 'deployment_failed', 'cost_alert_80', 'cost_alert_100', 'system');
