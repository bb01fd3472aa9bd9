import { clsx, type ClassValue } from "clsx";

/** Joins Tailwind class names, dropping falsy values. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
