ALTER TABLE "dining_tables" ADD COLUMN "grid_x" integer;--> statement-breakpoint
ALTER TABLE "dining_tables" ADD COLUMN "grid_y" integer;--> statement-breakpoint
ALTER TABLE "dining_tables" ADD COLUMN "shape" text DEFAULT 'square' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "course" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "held" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "fired_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "fired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_open_tab_per_table" ON "orders" USING btree ("tenant_id","table_id") WHERE status = 'open' and table_id is not null;--> statement-breakpoint
ALTER TABLE "dining_tables" ADD CONSTRAINT "dining_tables_grid_check" CHECK (("dining_tables"."grid_x" is null) = ("dining_tables"."grid_y" is null) and "dining_tables"."grid_x" between 0 and 11 and "dining_tables"."grid_y" between 0 and 7);--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_fired_check" CHECK ("order_lines"."fired_quantity" between 0 and "order_lines"."quantity" and "order_lines"."course" between 1 and 9);