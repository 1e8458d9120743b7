import 'server-only';
export { can, isRole, ROLES, PERMISSIONS, type Permission, type Role } from './permissions';
export { addStaff, updateStaff, listStaff, getStaffMember, staffNameOf, staffNamesIn, listPinStaff, listApprovers, staffToSwitchTo, switchTargetsAmong, type StaffMember } from './staff';
export { signUpBusiness } from './sign-up';
export { createSignInHandoff, verifyPasswordSignIn, verifyPinSignIn, type SignedInUser } from './credentials';
export { authorise, grantApproval, type Approval } from './approvals';
export { clientIp, takeSignUpAttempt } from './rate-limits';
export { verifySessionToken, sessionTokenFrom, endSession, type StaffSession } from './session';
export { guardedRoute, tenantRoute, type RouteContext } from './tenant-route';
export { apiKeyInputSchema, apiKeyPatchSchema, createApiKey, getApiKey, listApiKeys, revokeApiKey, updateApiKey, DEFAULT_RATE_LIMIT_PER_MINUTE, type ApiKeyInput, type ApiKeyPatch, type ApiKeyView } from './api-keys';
export { API_SCOPES, SCOPES, permissionsOf, scopesGranting, type ApiScope } from './api-scopes';
export { READ_SUMMARY_EVERY_MS, writeReadSummaries } from './api-key-reads';
export { contextFor, hostTenant, resolveStaff, type ApiKeyPrincipal, type TenantContext, type TenantScope } from './context';
export * from './schemas';
export { currentDisplayPreferences, currentStaff, lockedRegister, requireStaff, staffAction, staffRead, approvalFromForm, approverFieldName, type FormMessage, type FormState } from './current';
export { authOptionsFor } from './next-auth-options';
export { displayPreferences, setOwnLocale, type DisplayPreferences } from './locale';
export { auditFilterSchema, listAuditEvents, parseAuditFilter, type AuditEventView, type AuditFilter, type AuditLogPage, type AuditPerson } from './audit-log';
export { safeCallbackPath } from './redirects';
export {
  attributeOfflineSale,
  auditOfflineAttribution,
  offlineCashierSchema,
  pinVerifiersFor,
  pinVerifiersQuerySchema,
  rotateOfflinePinKey,
  type OfflineAttribution,
  type OfflineCashier,
  type PinVerifiers,
} from './offline-pins';
export { lockRegister, registerLockCookies, registerLockOf, resolveLockedRegister, REGISTER_LOCK_COOKIE, type LockedRegister } from './register-lock';
export {
  addTimeClockEntry,
  clockedIn,
  clockIn,
  clockOut,
  clockPunchSchema,
  correctTimeClockEntry,
  hoursSheet,
  hoursSheetCsv,
  hoursRangeSchema,
  staffHoursIn,
  timeClockAdditionSchema,
  timeClockCorrectionSchema,
  type HoursSheet,
  type TimeClockEntry,
} from './time-clock';
