CREATE TABLE "analytics_categories" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"refunded_quantity" integer DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refund_tax" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_categories_tenant_id_business_date_location_id_category_key_pk" PRIMARY KEY("tenant_id","business_date","location_id","category_key")
);
--> statement-breakpoint
CREATE TABLE "analytics_facts" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fact_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	CONSTRAINT "analytics_facts_tenant_id_kind_fact_id_pk" PRIMARY KEY("tenant_id","kind","fact_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_products" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"variant_name" text NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"refunded_quantity" integer DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refund_tax" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_products_tenant_id_business_date_location_id_variant_id_pk" PRIMARY KEY("tenant_id","business_date","location_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_sales" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"hour" integer NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"covers" integer DEFAULT 0 NOT NULL,
	"discounted_orders" integer DEFAULT 0 NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"refund_count" integer DEFAULT 0 NOT NULL,
	"refunded_items" integer DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refund_tax" bigint DEFAULT 0 NOT NULL,
	"voids" integer DEFAULT 0 NOT NULL,
	"void_amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_sales_tenant_id_business_date_location_id_hour_pk" PRIMARY KEY("tenant_id","business_date","location_id","hour")
);
--> statement-breakpoint
CREATE TABLE "analytics_staff" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"refund_count" integer DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"voids" integer DEFAULT 0 NOT NULL,
	"void_amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_staff_tenant_id_business_date_location_id_staff_id_pk" PRIMARY KEY("tenant_id","business_date","location_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"day_starts_at" text NOT NULL,
	"rebuilt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics_tax_rates" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"taxable" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refund_tax" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_tax_rates_tenant_id_business_date_location_id_rate_basis_points_pk" PRIMARY KEY("tenant_id","business_date","location_id","rate_basis_points")
);
--> statement-breakpoint
CREATE TABLE "analytics_tenders" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"tender" text NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"taken" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_tenders_tenant_id_business_date_location_id_tender_pk" PRIMARY KEY("tenant_id","business_date","location_id","tender")
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "day_starts_at" text DEFAULT '00:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "category_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "voided_by" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "void_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "analytics_categories" ADD CONSTRAINT "analytics_categories_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_facts" ADD CONSTRAINT "analytics_facts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_products" ADD CONSTRAINT "analytics_products_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_sales" ADD CONSTRAINT "analytics_sales_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_staff" ADD CONSTRAINT "analytics_staff_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_state" ADD CONSTRAINT "analytics_state_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_tax_rates" ADD CONSTRAINT "analytics_tax_rates_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_tenders" ADD CONSTRAINT "analytics_tenders_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_facts_date_idx" ON "analytics_facts" USING btree ("tenant_id","business_date");--> statement-breakpoint
CREATE INDEX "order_refunds_settled_idx" ON "order_refunds" USING btree ("tenant_id","settled_at") WHERE status = 'settled';--> statement-breakpoint
CREATE INDEX "orders_paid_idx" ON "orders" USING btree ("tenant_id","paid_at") WHERE paid_at is not null;--> statement-breakpoint
CREATE INDEX "orders_voided_idx" ON "orders" USING btree ("tenant_id","voided_at") WHERE voided_at is not null;--> statement-breakpoint
CREATE INDEX "shifts_closed_idx" ON "shifts" USING btree ("tenant_id","closed_at") WHERE status = 'closed';--> statement-breakpoint
CREATE INDEX "payment_refunds_document_idx" ON "payment_refunds" USING btree ("tenant_id","order_refund_id");--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_day_starts_at_check" CHECK ("tenant_settings"."day_starts_at" ~ '^([01][0-9]|2[0-3]):(00|15|30|45)$');--> statement-breakpoint
-- Seeded history before this migration left settled refunds without settled_at; the sales read model dates a refund by it.
UPDATE "order_refunds" SET "settled_at" = "created_at" WHERE "status" = 'settled' AND "settled_at" IS NULL;
