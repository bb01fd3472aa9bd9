export interface AllowEntry {
  package: string;
  advisory?: string | number;
  reason?: string;
  until?: string;
}
export interface Finding {
  package: string;
  severity: string;
  title?: string;
  url?: string;
}
export declare function unallowedFindings(report: unknown, allowList: AllowEntry[], today?: string): Finding[];
