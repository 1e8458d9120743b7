DROP INDEX "orders_created_idx";--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "order_id" uuid;--> statement-breakpoint
-- Backfill: the order each stored event is about. FORCE would hide every row from the owner
-- (no tenant is set here); db/policies.sql forces RLS again right after the migrations.
ALTER TABLE "outbox_events" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "outbox_events" SET "order_id" = ("payload"->>'orderId')::uuid WHERE "payload"->>'orderId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
ALTER TABLE "outbox_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "outbox_events_order_idx" ON "outbox_events" USING btree ("tenant_id","order_id","occurred_at") WHERE order_id is not null;--> statement-breakpoint
CREATE INDEX "orders_number_idx" ON "orders" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "orders_staff_idx" ON "orders" USING btree ("tenant_id","created_by","created_at");--> statement-breakpoint
CREATE INDEX "orders_table_idx" ON "orders" USING btree ("tenant_id","table_id","created_at") WHERE table_id is not null;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("tenant_id","created_at","id");