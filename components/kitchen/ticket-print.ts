import { ENGLISH_KITCHEN_WORDS, ticketCourses, ticketDestination, type KitchenWords, type TicketView } from './ticket-view';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A kitchen ticket as a standalone page for 80 mm thermal paper (72 mm of print width), as the
 * receipt and the shift report print: big order number, where it goes, when it was fired, then
 * each line with its modifiers and note. Printed through `printHtml` (a hidden frame).
 */
export function ticketHtml(ticket: TicketView, options: { stationName: string; businessName: string; timeZone: string }, { t, f }: KitchenWords = ENGLISH_KITCHEN_WORDS): string {
  const fired = f.dateTime(ticket.firedAt, options.timeZone);
  const lines = ticketCourses(ticket.lines)
    .map(
      ({ course, lines: ls }) =>
        (course ? `<div class="course">${escape(t('course', { course }))}</div>` : '') +
        ls
          .map(
            (l) =>
              `<div class="line${l.voided ? ' voided' : ''}"><span class="qty">${l.voided ? `${escape(t('void'))} ` : ''}${escape(f.number(l.quantity))} ×</span> ${escape(l.name)}</div>` +
              l.modifiers.map((m) => `<div class="sub">+ ${escape(m)}</div>`).join('') +
              (l.note ? `<div class="sub note">“${escape(l.note)}”</div>` : ''),
          )
          .join(''),
    )
    .join('');
  return `<!doctype html>
<html lang="${f.locale}"><head><meta charset="utf-8"><title>${escape(t('printTitle', { number: ticket.orderNumber, station: options.stationName }))}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  * { box-sizing: border-box; }
  body { font: 13px/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, 'Noto Sans Myanmar', 'Myanmar Text', 'Padauk', monospace; color: #000; margin: 0 auto; width: 72mm; padding: 4mm 0; }
  h1 { font-size: 26px; text-align: center; margin: 0; }
  .center { text-align: center; }
  .strong { font-weight: 700; }
  .line { font-size: 15px; font-weight: 700; margin-top: 4px; }
  .sub { padding-left: 6mm; }
  .course { font-weight: 700; text-transform: uppercase; border-bottom: 1px solid #000; margin-top: 6px; }
  .voided .qty { background: #000; color: #fff; padding: 0 2px; }
  .note { font-style: italic; }
  .void { font-size: 18px; font-weight: 700; text-align: center; border: 2px solid #000; padding: 2px; margin: 4px 0; }
  hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
</style></head>
<body>
  <div class="center strong">${escape(options.stationName)} · ${escape(options.businessName)}</div>
  <h1>#${ticket.orderNumber}</h1>
  <div class="center strong">${escape(ticketDestination(ticket, t))}</div>
  <div class="center">${escape(t('fired', { time: fired }))}</div>
  ${ticket.voidedAt ? `<div class="void">${escape(t('printVoided'))}</div>` : ''}
  <hr>
  ${lines}
  ${ticket.orderNote ? `<hr><div class="note">${escape(t('orderNote', { note: ticket.orderNote }))}</div>` : ''}
</body></html>`;
}
