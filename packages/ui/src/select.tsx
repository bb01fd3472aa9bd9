import type { SelectHTMLAttributes } from "react";
import { cn } from "./class-names";
import { fieldClasses } from "./input";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> {
  options: readonly SelectOption[];
  invalid?: boolean;
  /** A first option with an empty value (e.g. "All products"). */
  placeholder?: string;
}

/** A native select styled like the other fields (native for mobile and keyboard behaviour). */
export function Select({ options, invalid, placeholder, className, ...rest }: SelectProps) {
  return (
    <select className={cn(fieldClasses, "h-9 pr-8", className)} aria-invalid={invalid || undefined} {...rest}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
