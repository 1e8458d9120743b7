CREATE TABLE "kitchen_routes" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"station_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kitchen_routes_tenant_id_kind_target_id_pk" PRIMARY KEY("tenant_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "kitchen_stations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kitchen_stations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kitchen_stations_tenant_name_key" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "kitchen_tickets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"order_number" integer NOT NULL,
	"order_type" text NOT NULL,
	"table_name" text,
	"customer_name" text,
	"order_note" text,
	"lines" jsonb NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"bumped_at" timestamp with time zone,
	"bumped_by" uuid,
	"recalled_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	CONSTRAINT "kitchen_tickets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kitchen_tickets_firing_key" UNIQUE("tenant_id","order_id","station_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "kitchen_routes" ADD CONSTRAINT "kitchen_routes_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."kitchen_stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_routes" ADD CONSTRAINT "kitchen_routes_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_stations" ADD CONSTRAINT "kitchen_stations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_tickets" ADD CONSTRAINT "kitchen_tickets_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."kitchen_stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_tickets" ADD CONSTRAINT "kitchen_tickets_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kitchen_stations_default_key" ON "kitchen_stations" USING btree ("tenant_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "kitchen_tickets_open_idx" ON "kitchen_tickets" USING btree ("tenant_id","station_id","fired_at") WHERE bumped_at is null;--> statement-breakpoint
CREATE INDEX "kitchen_tickets_bumped_idx" ON "kitchen_tickets" USING btree ("tenant_id","station_id","bumped_at") WHERE bumped_at is not null;