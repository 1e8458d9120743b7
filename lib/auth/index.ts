export { can, isRole, ROLES, PERMISSIONS, type Permission, type Role } from './permissions';
export { addStaff, updateStaff, listStaff, getStaffMember, listPinStaff, type Actor, type StaffMember } from './staff';
export { signUpBusiness } from './sign-up';
export { createSignInHandoff, verifyPasswordSignIn, verifyPinSignIn, type SignedInUser } from './credentials';
export { authorise, grantApproval, type Approval } from './approvals';
export { clientIp, takeSignUpAttempt } from './rate-limits';
export { verifySessionToken, sessionTokenFrom, endSession, type StaffSession } from './session';
export { tenantRoute, tenantFromRequest, type RouteContext } from './tenant-route';
export * from './schemas';
