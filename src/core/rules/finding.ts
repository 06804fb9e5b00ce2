import type { Diagnostic } from '../model';

/**
 * What a rule reports about one note: a diagnostic without its file (the index knows which note
 * it checked) and without its severity (the index applies the configured severity per code, or
 * drops the finding when the rule is `off`).
 */
export type Finding = Omit<Diagnostic, 'severity' | 'file'>;
