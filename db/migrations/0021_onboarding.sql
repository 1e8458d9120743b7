ALTER TABLE "tenant_settings" ADD COLUMN "business_type" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "checklist_dismissed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_business_type_check" CHECK ("tenant_settings"."business_type" in ('restaurant', 'shop', 'both'));