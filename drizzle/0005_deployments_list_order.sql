DROP INDEX "deployments_user_created_idx";--> statement-breakpoint
DROP INDEX "deployments_user_status_created_idx";--> statement-breakpoint
CREATE INDEX "deployments_user_live_created_idx" ON "deployments" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "deployments"."status" <> 'deleted';--> statement-breakpoint
CREATE INDEX "deployments_user_status_created_idx" ON "deployments" USING btree ("user_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);