import 'server-only';
export { tenantSlugFromHost, tenantHost, TENANT_HEADER } from './host';
export { slugSchema, RESERVED_SLUGS } from './slug';
export { findTenantBySlug, isSlugTaken, insertTenant, listTenantIds, type TenantInfo } from './registry';
export { currentCurrency, currentTenant } from './current';
export { getTenantSettings, updateTenantSettings, onSettingsChanged, insertInitialSettings, BUSINESS_TYPES, type BusinessType, businessDayRule, businessDayRuleIn, drawerToleranceOf, settingsPatchSchema, type SettingsPatch, type TenantSettings } from './settings';
