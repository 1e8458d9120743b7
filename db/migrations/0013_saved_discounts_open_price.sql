CREATE TABLE "saved_discounts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"basis_points" integer,
	"amount" integer,
	"applies_to" text DEFAULT 'any' NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_discounts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "saved_discounts_tenant_name_key" UNIQUE("tenant_id","name"),
	CONSTRAINT "saved_discounts_value_check" CHECK (("saved_discounts"."kind" = 'percent' and "saved_discounts"."basis_points" between 1 and 10000 and "saved_discounts"."amount" is null) or ("saved_discounts"."kind" = 'amount' and "saved_discounts"."amount" > 0 and "saved_discounts"."basis_points" is null))
);
--> statement-breakpoint
CREATE TABLE "analytics_discount_reasons" (
	"tenant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_discount_reasons_tenant_id_business_date_location_id_reason_pk" PRIMARY KEY("tenant_id","business_date","location_id","reason")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "open_price" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "saved_discounts" ADD CONSTRAINT "saved_discounts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_discount_reasons" ADD CONSTRAINT "analytics_discount_reasons_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;