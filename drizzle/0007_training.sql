CREATE TABLE "model_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"job_id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"base_model_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"parent_artifact_id" uuid,
	"checkpoint_step" integer NOT NULL,
	"quality" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"configuration" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "model_artifacts_jobId_unique" UNIQUE("job_id")
);
--> statement-breakpoint
CREATE TABLE "training_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"epoch" integer NOT NULL,
	"training_loss" double precision,
	"validation_loss" double precision,
	"is_final" boolean DEFAULT false NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stored_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"dataset_id" uuid NOT NULL,
	"model_id" text NOT NULL,
	"graph" jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"estimate" jsonb NOT NULL,
	"estimated_total_cents" bigint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"stage" text DEFAULT 'queued' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"current_epoch" integer DEFAULT 0 NOT NULL,
	"total_epochs" integer NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"total_steps" integer NOT NULL,
	"current_metrics" jsonb,
	"cost_so_far_cents" bigint DEFAULT 0 NOT NULL,
	"final_cost_cents" bigint,
	"estimated_completion_at" timestamp with time zone,
	"provider_kind" text,
	"provider_job_id" text,
	"provider_status" text,
	"cursor" jsonb,
	"error_message" text,
	"idempotency_key" text NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_logs" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"level" text NOT NULL,
	"message" text NOT NULL,
	"metadata" jsonb,
	CONSTRAINT "training_logs_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "training_metrics" (
	"job_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"epoch" integer NOT NULL,
	"training_loss" double precision NOT NULL,
	"validation_loss" double precision,
	"learning_rate" double precision NOT NULL,
	"gradient_norm" double precision,
	"throughput" double precision,
	"gpu_utilization" double precision,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_metrics_job_id_step_pk" PRIMARY KEY("job_id","step")
);
--> statement-breakpoint
ALTER TABLE "model_artifacts" ADD CONSTRAINT "model_artifacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_artifacts" ADD CONSTRAINT "model_artifacts_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_artifacts" ADD CONSTRAINT "model_artifacts_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_checkpoints" ADD CONSTRAINT "training_checkpoints_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_jobs" ADD CONSTRAINT "training_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_jobs" ADD CONSTRAINT "training_jobs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_logs" ADD CONSTRAINT "training_logs_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_metrics" ADD CONSTRAINT "training_metrics_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_artifacts_user_live_created_idx" ON "model_artifacts" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "model_artifacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "model_artifacts_parent_idx" ON "model_artifacts" USING btree ("parent_artifact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_checkpoints_job_step_idx" ON "training_checkpoints" USING btree ("job_id","step");--> statement-breakpoint
CREATE INDEX "training_events_job_idx" ON "training_events" USING btree ("job_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_jobs_user_idempotency_idx" ON "training_jobs" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "training_jobs_user_created_idx" ON "training_jobs" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "training_jobs_user_status_created_idx" ON "training_jobs" USING btree ("user_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "training_jobs_live_idx" ON "training_jobs" USING btree ("user_id","estimated_completion_at") WHERE status in ('queued', 'initializing', 'running', 'validating', 'saving');