export declare const baseHeaders: { key: string; value: string }[];
