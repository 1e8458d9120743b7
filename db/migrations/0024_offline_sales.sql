ALTER TABLE "tenant_settings" ADD COLUMN "offline_max_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "offline_max_total" integer;