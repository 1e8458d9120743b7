CREATE TABLE "suppliers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"email" text,
	"phone" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "suppliers_tenant_name_key" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
ALTER TABLE "product_variants" ADD COLUMN "cost" integer;--> statement-breakpoint
ALTER TABLE "purchase_lists" ADD COLUMN "supplier_id" uuid;--> statement-breakpoint
ALTER TABLE "purchase_lists" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "purchase_lists" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "unit_cost" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "unit_cost" integer;--> statement-breakpoint
ALTER TABLE "analytics_categories" ADD COLUMN "cost" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_categories" ADD COLUMN "costed_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_categories" ADD COLUMN "uncosted_items" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_categories" ADD COLUMN "uncosted_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_products" ADD COLUMN "cost" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_products" ADD COLUMN "costed_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_products" ADD COLUMN "uncosted_items" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_products" ADD COLUMN "uncosted_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sales" ADD COLUMN "cost" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sales" ADD COLUMN "costed_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sales" ADD COLUMN "uncosted_items" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sales" ADD COLUMN "uncosted_sales" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_lists" ADD CONSTRAINT "purchase_lists_supplier_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_cost_check" CHECK ("product_variants"."cost" is null or "product_variants"."cost" >= 0);--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_unit_cost_check" CHECK ("stock_movements"."unit_cost" is null or "stock_movements"."unit_cost" >= 0);--> statement-breakpoint
-- Hand-written: purchase lists became purchase orders, and "ordered" is now "sent". The owner
-- is held to RLS (FORCE) like everyone, so it lifts that for this one update; db/policies.sql
-- forces it again right after the migrations.
ALTER TABLE "purchase_lists" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "purchase_lists" SET "status" = 'sent', "sent_at" = "updated_at" WHERE "status" = 'ordered';--> statement-breakpoint
ALTER TABLE "purchase_lists" FORCE ROW LEVEL SECURITY;
