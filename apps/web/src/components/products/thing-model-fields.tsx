"use client";

import type { DataType } from "@aspen/core";
import { Button, cn, FieldError, fieldClasses } from "@aspen/ui";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/provider";
import { newParam, type ParamDraft, type SpecDraft } from "./thing-model-draft";

/** Server errors keyed by model path, e.g. `properties[1].max`. */
export type ModelErrors = Record<string, string>;

/** The first error at `path` or inside it (`enumValues` also shows `enumValues[2]`). */
export function errorAt(errors: ModelErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = Object.keys(errors).find((k) => k.startsWith(`${path}[`) || k.startsWith(`${path}.`));
  return prefix ? errors[prefix] : undefined;
}

const dataTypes: DataType[] = ["int", "float", "bool", "string", "enum"];

export function Cell({ label, error, className, children }: { label: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <label className={cn("block min-w-0", className)}>
      <span className="mb-0.5 block text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</span>
      {children}
      <FieldError message={error} testId={error ? "field-error" : undefined} />
    </label>
  );
}

export function TextCell(props: {
  label: string;
  /** The accessible name, unique on the page ("Identifier of property 2"). */
  name?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  disabled?: boolean;
  mono?: boolean;
  testId?: string;
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
  className?: string;
}) {
  return (
    <Cell label={props.label} error={props.error} className={props.className}>
      <input
        className={cn(fieldClasses, "h-8", props.mono && "font-mono")}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.disabled}
        aria-label={props.name}
        aria-invalid={props.error ? true : undefined}
        data-testid={props.testId}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellCheck={false}
      />
    </Cell>
  );
}

export function SelectCell<T extends string>(props: {
  label: string;
  name?: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  error?: string;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Cell label={props.label} error={props.error}>
      <select
        className={cn(fieldClasses, "h-8")}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        disabled={props.disabled}
        aria-label={props.name}
        aria-invalid={props.error ? true : undefined}
        data-testid={props.testId}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Cell>
  );
}

export function RemoveButton({
  onClick,
  disabled,
  label,
  testId,
}: {
  onClick: () => void;
  disabled?: boolean;
  label: string;
  testId?: string;
}) {
  if (disabled) return null;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      data-testid={testId}
      className="grid size-8 shrink-0 place-items-center rounded-md text-zinc-500 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-950 dark:hover:text-red-400 dark:text-zinc-400"
    >
      <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
        <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** Type-dependent fields shared by properties and parameters. */
export function SpecFields<T extends SpecDraft>({
  spec,
  path,
  errors,
  readOnly,
  onChange,
  testPrefix,
  itemName,
}: {
  spec: T;
  path: string;
  errors: ModelErrors;
  readOnly: boolean;
  onChange: (patch: Partial<SpecDraft>) => void;
  testPrefix: string;
  /** e.g. "property 2": names every field ("Identifier of property 2"). */
  itemName: string;
}) {
  const { t, format } = useI18n();
  const nameOf = (field: string) => format(t.ui.fieldOf, { field, item: itemName });
  const numeric = spec.type === "int" || spec.type === "float";
  return (
    <>
      <TextCell
        label={t.thingModel.identifier}
        name={nameOf(t.thingModel.identifier)}
        value={spec.identifier}
        onChange={(v) => onChange({ identifier: v })}
        error={errorAt(errors, `${path}.identifier`)}
        disabled={readOnly}
        mono
        testId={`${testPrefix}-identifier`}
        placeholder="temperature"
      />
      <TextCell
        label={t.thingModel.name}
        name={nameOf(t.thingModel.name)}
        value={spec.name}
        onChange={(v) => onChange({ name: v })}
        error={errorAt(errors, `${path}.name`)}
        disabled={readOnly}
        testId={`${testPrefix}-name`}
      />
      <SelectCell
        label={t.thingModel.type}
        name={nameOf(t.thingModel.type)}
        value={spec.type}
        options={dataTypes.map((d) => ({ value: d, label: t.thingModel[d] }))}
        onChange={(v) => onChange({ type: v })}
        error={errorAt(errors, `${path}.type`)}
        disabled={readOnly}
        testId={`${testPrefix}-type`}
      />
      <TextCell
        label={t.thingModel.unit}
        name={nameOf(t.thingModel.unit)}
        value={spec.unit}
        onChange={(v) => onChange({ unit: v })}
        error={errorAt(errors, `${path}.unit`)}
        disabled={readOnly}
        testId={`${testPrefix}-unit`}
      />
      {numeric ? (
        <>
          <TextCell
            label={t.thingModel.min}
            name={nameOf(t.thingModel.min)}
            value={spec.min}
            onChange={(v) => onChange({ min: v })}
            error={errorAt(errors, `${path}.min`)}
            disabled={readOnly}
            inputMode="decimal"
            testId={`${testPrefix}-min`}
          />
          <TextCell
            label={t.thingModel.max}
            name={nameOf(t.thingModel.max)}
            value={spec.max}
            onChange={(v) => onChange({ max: v })}
            error={errorAt(errors, `${path}.max`)}
            disabled={readOnly}
            inputMode="decimal"
            testId={`${testPrefix}-max`}
          />
        </>
      ) : spec.type === "enum" ? (
        <TextCell
          className="col-span-2"
          label={`${t.thingModel.enumValues} (${t.thingModel.enumValuesHint})`}
          name={nameOf(t.thingModel.enumValues)}
          value={spec.enumValues}
          onChange={(v) => onChange({ enumValues: v })}
          error={errorAt(errors, `${path}.enumValues`)}
          disabled={readOnly}
          testId={`${testPrefix}-enum`}
          placeholder="eco, comfort, boost"
        />
      ) : (
        <div className="col-span-2 hidden lg:block" />
      )}
    </>
  );
}

const specGrid = "grid flex-1 grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-7";

export function ParamList({
  params,
  path,
  errors,
  readOnly,
  onChange,
  title,
  testPrefix,
  paramName,
  parentName,
}: {
  params: ParamDraft[];
  path: string;
  errors: ModelErrors;
  readOnly: boolean;
  onChange: (params: ParamDraft[]) => void;
  title: string;
  testPrefix: string;
  /** Names the n-th parameter, e.g. (n) => "input parameter 1 of command 2". */
  paramName: (n: number) => string;
  /** e.g. "input parameters of command 2", for the add button. */
  parentName: string;
}) {
  const { t, format } = useI18n();
  const listError = errors[path];
  return (
    <div className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{title}</p>
        {!readOnly ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={format(t.ui.addParamTo, { item: parentName })}
            onClick={() => onChange([...params, newParam()])}
            data-testid={`${testPrefix}-add-param`}
          >
            + {t.thingModel.addParam}
          </Button>
        ) : null}
      </div>
      {params.length === 0 ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{t.thingModel.noParams}</p> : null}
      <FieldError message={listError} />
      {params.map((p, i) => (
        <div key={p.key} className="flex items-start gap-2" data-testid={`${testPrefix}-param-${i}`}>
          <div className={specGrid}>
            <SpecFields
              spec={p}
              path={`${path}[${i}]`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`${testPrefix}-param-${i}`}
              itemName={paramName(i + 1)}
              onChange={(patch) => onChange(params.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
            />
            <Cell label={t.thingModel.required}>
              <input
                type="checkbox"
                aria-label={format(t.ui.fieldOf, { field: t.thingModel.required, item: paramName(i + 1) })}
                className="size-4 accent-emerald-600"
                checked={p.required}
                disabled={readOnly}
                onChange={(e) => onChange(params.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))}
              />
            </Cell>
          </div>
          <RemoveButton
            label={format(t.ui.removeItem, { item: paramName(i + 1) })}
            disabled={readOnly}
            onClick={() => onChange(params.filter((_, j) => j !== i))}
          />
        </div>
      ))}
    </div>
  );
}
