CREATE TABLE "time_clock_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"clocked_in_at" timestamp with time zone NOT NULL,
	"clocked_out_at" timestamp with time zone,
	"corrected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_clock_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "time_clock_entries_order_check" CHECK ("time_clock_entries"."clocked_out_at" is null or "time_clock_entries"."clocked_out_at" >= "time_clock_entries"."clocked_in_at")
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "idle_lock_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "time_clock_entries" ADD CONSTRAINT "time_clock_entries_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_clock_entries" ADD CONSTRAINT "time_clock_entries_corrected_by_fk" FOREIGN KEY ("tenant_id","corrected_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "time_clock_entries_open_key" ON "time_clock_entries" USING btree ("tenant_id","user_id") WHERE clocked_out_at is null;--> statement-breakpoint
CREATE INDEX "time_clock_entries_in_idx" ON "time_clock_entries" USING btree ("tenant_id","clocked_in_at");--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_idle_lock_minutes_check" CHECK ("tenant_settings"."idle_lock_minutes" between 0 and 240);