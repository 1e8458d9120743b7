CREATE TABLE "order_split_parts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"seat" integer,
	"amount" integer NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paid_total" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_split_parts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "order_split_parts_amounts_check" CHECK ("order_split_parts"."amount" >= 0 and "order_split_parts"."paid_total" between 0 and "order_split_parts"."amount")
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "tips_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "tip_presets" integer[] DEFAULT '{1000,1500,2000}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "tip_custom_amount" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "seat" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "tip" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "part_id" uuid;--> statement-breakpoint
ALTER TABLE "order_split_parts" ADD CONSTRAINT "order_split_parts_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_split_parts_order_idx" ON "order_split_parts" USING btree ("tenant_id","order_id","position");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_seat_check" CHECK ("order_lines"."seat" is null or "order_lines"."seat" between 1 and 99);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tip_check" CHECK ("payments"."tip" >= 0);