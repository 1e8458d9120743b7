CREATE TABLE "refused_offline_sales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sale_key" text NOT NULL,
	"provisional" text NOT NULL,
	"device" text NOT NULL,
	"register_name" text,
	"shift_id" uuid,
	"cashier_id" uuid,
	"cashier_name" text,
	"reported_by" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"currency" text NOT NULL,
	"total" integer NOT NULL,
	"cash_tendered" integer NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"error_status" integer NOT NULL,
	"error_code" text NOT NULL,
	"error_message" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_reason" text,
	"order_id" uuid,
	CONSTRAINT "refused_offline_sales_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "refused_offline_sales_amounts_check" CHECK ("refused_offline_sales"."total" >= 0 and "refused_offline_sales"."cash_tendered" >= 0)
);
--> statement-breakpoint
ALTER TABLE "refused_offline_sales" ADD CONSTRAINT "refused_offline_sales_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refused_offline_sales_key" ON "refused_offline_sales" USING btree ("tenant_id","sale_key");--> statement-breakpoint
CREATE INDEX "refused_offline_sales_open_idx" ON "refused_offline_sales" USING btree ("tenant_id","reported_at") WHERE status = 'open';