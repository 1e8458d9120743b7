'use server';

import { getTranslations } from 'next-intl/server';
import { addStaff, addStaffSchema, rotateOfflinePinKey, rotateOfflinePinsSchema, updateStaff, updateStaffSchema, staffAction, type FormState } from '@/lib/auth';
import { text } from '@/lib/platform/form-data';

export async function addStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = {
    name: text(formData, 'name'),
    email: text(formData, 'email'),
    role: text(formData, 'role'),
    password: text(formData, 'password'),
    pin: text(formData, 'pin'),
  };
  return staffAction('staff:write', addStaffSchema, input, async (ctx, data) => {
    const member = await addStaff(ctx, data);
    return (await getTranslations('admin.staff'))('added', { name: member.name, role: member.role });
  });
}

/** One action for the row editor; `intent` says which change the person asked for. */
export async function updateStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, 'id') ?? '';
  const intent = text(formData, 'intent');
  const patch =
    intent === 'role' ? { role: text(formData, 'role') }
    : intent === 'name' ? { name: text(formData, 'name') }
    : intent === 'pin' ? { pin: text(formData, 'pin') ?? '' }
    : intent === 'clear-pin' ? { pin: null }
    : intent === 'password' ? { password: text(formData, 'password') ?? '' }
    : intent === 'deactivate' ? { active: false }
    : intent === 'reactivate' ? { active: true }
    : {};
  return staffAction('staff:write', updateStaffSchema, patch, async (ctx, data) => {
    const member = await updateStaff(ctx, id, data);
    const t = await getTranslations('admin.staff');
    const done: Record<string, string> = {
      role: t('roleNow', { name: member.name, role: member.role }),
      name: t('nameSaved'),
      pin: t('pinSaved'),
      'clear-pin': t('pinRemoved'),
      password: t('passwordChanged'),
      deactivate: t('wasDeactivated', { name: member.name }),
      reactivate: t('canSignInAgain', { name: member.name }),
    };
    return done[intent ?? ''] ?? t('saved');
  });
}

/** A register lost or stolen: the same rotation as POST /api/v1/register/pin-verifiers/rotate, audited there. */
export async function rotateOfflinePinsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('staff:write', rotateOfflinePinsSchema, { confirm: text(formData, 'confirm') }, async (ctx) => {
    await rotateOfflinePinKey(ctx);
    return (await getTranslations('admin.staff.lostRegister'))('done');
  });
}
