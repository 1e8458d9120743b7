'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { text } from '@/lib/platform/form-data';
import { bumpTicket, recallLastTicket } from '@/lib/restaurant';

/** Bump: the ticket is done and leaves its station's screen (any staff member: kitchen:use). */
export async function bumpTicketAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('kitchen:use', z.object({ id: z.uuid({ message: 'Ticket not found' }) }), { id: text(formData, 'id') }, async (ctx, { id }) => {
    const ticket = await bumpTicket(ctx, id);
    return (await getTranslations('kitchen'))('bumped', { number: ticket.orderNumber });
  });
}

/** Recall: the station's last bumped ticket comes back on its screen. */
export async function recallTicketAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('kitchen:use', z.object({ stationId: z.uuid({ message: 'Station not found' }) }), { stationId: text(formData, 'stationId') }, async (ctx, { stationId }) => {
    const ticket = await recallLastTicket(ctx, stationId);
    return (await getTranslations('kitchen'))('recalledBack', { number: ticket.orderNumber });
  });
}
