ALTER TABLE "tenant_settings" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "currency_display" text DEFAULT 'code' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "alt_name" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_locale_check" CHECK ("tenant_settings"."locale" in ('en', 'my'));--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_currency_display_check" CHECK ("tenant_settings"."currency_display" in ('code', 'local'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('en', 'my'));