import type { FormAction } from '@/components/ui/use-form-action';
import type { ShiftReport } from '@/lib/orders';
import type { FormMessage } from '@/lib/platform/errors';

/** A shift report as the browser gets it: dates as ISO text (a closed shift's stored Z report has them as text already). */
export type ReportData = Omit<ShiftReport, 'openedAt' | 'closedAt' | 'movements'> & {
  openedAt: string;
  closedAt: string | null;
  movements: { kind: 'in' | 'out'; amount: number; reason: string; at: string }[];
};

export type OpenShiftData = { id: string; registerName: string; openedAt: string; openedByName: string; openingFloat: number };

/** Who can approve what a cashier may not do alone (managers and owners with a register PIN). */
export type ShiftApprover = { id: string; name: string; role: string };

/** What the shift screen loads for its register: the open shift and its X report, or neither. */
export type ShiftLookup = { shift: OpenShiftData | null; report: ReportData | null; approvers?: ShiftApprover[]; error?: string };

/** The close form's state: the usual message, plus the Z report once the shift is closed. */
export type CloseShiftState = (FormMessage & { report?: ReportData }) | null;

/** The shift page's server actions, handed down from the page (components sit below app/). */
export type ShiftActions = {
  loadShiftAction: (registerName: string) => Promise<ShiftLookup>;
  openShiftAction: FormAction;
  cashMovementAction: FormAction;
  closeShiftAction: FormAction<CloseShiftState>;
};
