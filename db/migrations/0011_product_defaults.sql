ALTER TABLE "tenant_settings" ADD COLUMN "track_stock_by_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "default_tax_class_id" uuid;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "tracks_stock" boolean;