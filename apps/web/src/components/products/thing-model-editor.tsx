"use client";

import type { DataType, EventLevel } from "@aspen/core";
import { Button, cn, FieldError, fieldClasses } from "@aspen/ui";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/provider";
import {
  newCommand,
  newEvent,
  newParam,
  newProperty,
  type CommandDraft,
  type EventDraft,
  type ParamDraft,
  type PropertyDraft,
  type SpecDraft,
  type ThingModelDraft,
} from "./thing-model-draft";

/** Server errors keyed by model path, e.g. `properties[1].max`. */
export type ModelErrors = Record<string, string>;

/** The first error at `path` or inside it (`enumValues` also shows `enumValues[2]`). */
function errorAt(errors: ModelErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = Object.keys(errors).find((k) => k.startsWith(`${path}[`) || k.startsWith(`${path}.`));
  return prefix ? errors[prefix] : undefined;
}

const dataTypes: DataType[] = ["int", "float", "bool", "string", "enum"];
const levels: EventLevel[] = ["info", "warning", "fault"];

function Cell({ label, error, className, children }: { label: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <label className={cn("block min-w-0", className)}>
      <span className="mb-0.5 block text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</span>
      {children}
      <FieldError message={error} testId={error ? "field-error" : undefined} />
    </label>
  );
}

function TextCell(props: {
  label: string;
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
        aria-invalid={props.error ? true : undefined}
        data-testid={props.testId}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellCheck={false}
      />
    </Cell>
  );
}

function SelectCell<T extends string>(props: {
  label: string;
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

function RemoveButton({ onClick, disabled, label, testId }: { onClick: () => void; disabled?: boolean; label: string; testId?: string }) {
  if (disabled) return null;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      data-testid={testId}
      className="grid size-8 shrink-0 place-items-center rounded-md text-zinc-400 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-950 dark:hover:text-red-400"
    >
      <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
        <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** Type-dependent fields shared by properties and parameters. */
function SpecFields<T extends SpecDraft>({
  spec,
  path,
  errors,
  readOnly,
  onChange,
  testPrefix,
}: {
  spec: T;
  path: string;
  errors: ModelErrors;
  readOnly: boolean;
  onChange: (patch: Partial<SpecDraft>) => void;
  testPrefix: string;
}) {
  const { t } = useI18n();
  const numeric = spec.type === "int" || spec.type === "float";
  return (
    <>
      <TextCell
        label={t.thingModel.identifier}
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
        value={spec.name}
        onChange={(v) => onChange({ name: v })}
        error={errorAt(errors, `${path}.name`)}
        disabled={readOnly}
        testId={`${testPrefix}-name`}
      />
      <SelectCell
        label={t.thingModel.type}
        value={spec.type}
        options={dataTypes.map((d) => ({ value: d, label: t.thingModel[d] }))}
        onChange={(v) => onChange({ type: v })}
        error={errorAt(errors, `${path}.type`)}
        disabled={readOnly}
        testId={`${testPrefix}-type`}
      />
      <TextCell
        label={t.thingModel.unit}
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
            value={spec.min}
            onChange={(v) => onChange({ min: v })}
            error={errorAt(errors, `${path}.min`)}
            disabled={readOnly}
            inputMode="decimal"
            testId={`${testPrefix}-min`}
          />
          <TextCell
            label={t.thingModel.max}
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

function Section({ title, count, action, children, testId }: { title: string; count: number; action?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
          {title} <span className="font-normal text-zinc-400">({count})</span>
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}

const rowBox = "rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40";
const specGrid = "grid flex-1 grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-7";

function ParamList({
  params,
  path,
  errors,
  readOnly,
  onChange,
  title,
  testPrefix,
}: {
  params: ParamDraft[];
  path: string;
  errors: ModelErrors;
  readOnly: boolean;
  onChange: (params: ParamDraft[]) => void;
  title: string;
  testPrefix: string;
}) {
  const { t } = useI18n();
  const listError = errors[path];
  return (
    <div className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{title}</p>
        {!readOnly ? (
          <Button size="sm" variant="ghost" onClick={() => onChange([...params, newParam()])} data-testid={`${testPrefix}-add-param`}>
            + {t.thingModel.addParam}
          </Button>
        ) : null}
      </div>
      {params.length === 0 ? <p className="text-xs text-zinc-400">{t.thingModel.noParams}</p> : null}
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
              onChange={(patch) => onChange(params.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
            />
            <Cell label={t.thingModel.required}>
              <input
                type="checkbox"
                className="size-4 accent-emerald-600"
                checked={p.required}
                disabled={readOnly}
                onChange={(e) => onChange(params.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))}
              />
            </Cell>
          </div>
          <RemoveButton label={t.thingModel.removeRow} disabled={readOnly} onClick={() => onChange(params.filter((_, j) => j !== i))} />
        </div>
      ))}
    </div>
  );
}

/**
 * Properties, events and commands of a product, row by row. Errors from the
 * server's validator appear under the field they name.
 */
export function ThingModelEditor({
  value,
  onChange,
  errors,
  readOnly = false,
}: {
  value: ThingModelDraft;
  onChange: (next: ThingModelDraft) => void;
  errors: ModelErrors;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const setProperty = (i: number, patch: Partial<PropertyDraft>) =>
    onChange({ ...value, properties: value.properties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setEvent = (i: number, patch: Partial<EventDraft>) =>
    onChange({ ...value, events: value.events.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const setCommand = (i: number, patch: Partial<CommandDraft>) =>
    onChange({ ...value, commands: value.commands.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  return (
    <div className="space-y-8" data-testid="thing-model-editor">
      <Section
        title={t.products.properties}
        count={value.properties.length}
        testId="tm-properties"
        action={
          !readOnly ? (
            <Button size="sm" variant="secondary" onClick={() => onChange({ ...value, properties: [...value.properties, newProperty()] })} data-testid="add-property">
              + {t.thingModel.addProperty}
            </Button>
          ) : null
        }
      >
        <FieldError message={errors.properties} />
        {value.properties.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.thingModel.noProperties}</p> : null}
        {value.properties.map((p, i) => (
          <div key={p.key} className={cn(rowBox, "flex items-start gap-2")} data-testid={`property-${i}`}>
            <div className={cn(specGrid, "lg:grid-cols-8")}>
              <SpecFields spec={p} path={`properties[${i}]`} errors={errors} readOnly={readOnly} testPrefix={`property-${i}`} onChange={(patch) => setProperty(i, patch)} />
              <SelectCell
                label={t.thingModel.access}
                value={p.access}
                options={[
                  { value: "r", label: t.thingModel.readOnly },
                  { value: "rw", label: t.thingModel.readWrite },
                ]}
                onChange={(v) => setProperty(i, { access: v })}
                error={errorAt(errors, `properties[${i}].access`)}
                disabled={readOnly}
                testId={`property-${i}-access`}
              />
            </div>
            <RemoveButton
              label={t.thingModel.removeRow}
              disabled={readOnly}
              testId={`property-${i}-remove`}
              onClick={() => onChange({ ...value, properties: value.properties.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
      </Section>

      <Section
        title={t.products.events}
        count={value.events.length}
        testId="tm-events"
        action={
          !readOnly ? (
            <Button size="sm" variant="secondary" onClick={() => onChange({ ...value, events: [...value.events, newEvent()] })} data-testid="add-event">
              + {t.thingModel.addEvent}
            </Button>
          ) : null
        }
      >
        <FieldError message={errors.events} />
        {value.events.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.thingModel.noEvents}</p> : null}
        {value.events.map((e, i) => (
          <div key={e.key} className={cn(rowBox, "space-y-3")} data-testid={`event-${i}`}>
            <div className="flex items-start gap-2">
              <div className="grid flex-1 grid-cols-2 gap-2 sm:grid-cols-3">
                <TextCell
                  label={t.thingModel.identifier}
                  value={e.identifier}
                  onChange={(v) => setEvent(i, { identifier: v })}
                  error={errorAt(errors, `events[${i}].identifier`)}
                  disabled={readOnly}
                  mono
                  testId={`event-${i}-identifier`}
                />
                <TextCell
                  label={t.thingModel.name}
                  value={e.name}
                  onChange={(v) => setEvent(i, { name: v })}
                  error={errorAt(errors, `events[${i}].name`)}
                  disabled={readOnly}
                  testId={`event-${i}-name`}
                />
                <SelectCell
                  label={t.thingModel.level}
                  value={e.level}
                  options={levels.map((l) => ({ value: l, label: t.thingModel[l] }))}
                  onChange={(v) => setEvent(i, { level: v })}
                  error={errorAt(errors, `events[${i}].level`)}
                  disabled={readOnly}
                  testId={`event-${i}-level`}
                />
              </div>
              <RemoveButton
                label={t.thingModel.removeRow}
                disabled={readOnly}
                testId={`event-${i}-remove`}
                onClick={() => onChange({ ...value, events: value.events.filter((_, j) => j !== i) })}
              />
            </div>
            <ParamList
              title={t.thingModel.params}
              params={e.params}
              path={`events[${i}].params`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`event-${i}`}
              onChange={(params) => setEvent(i, { params })}
            />
          </div>
        ))}
      </Section>

      <Section
        title={t.products.commands}
        count={value.commands.length}
        testId="tm-commands"
        action={
          !readOnly ? (
            <Button size="sm" variant="secondary" onClick={() => onChange({ ...value, commands: [...value.commands, newCommand()] })} data-testid="add-command">
              + {t.thingModel.addCommand}
            </Button>
          ) : null
        }
      >
        <FieldError message={errors.commands} />
        {value.commands.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.thingModel.noCommands}</p> : null}
        {value.commands.map((c, i) => (
          <div key={c.key} className={cn(rowBox, "space-y-3")} data-testid={`command-${i}`}>
            <div className="flex items-start gap-2">
              <div className="grid flex-1 grid-cols-2 gap-2">
                <TextCell
                  label={t.thingModel.identifier}
                  value={c.identifier}
                  onChange={(v) => setCommand(i, { identifier: v })}
                  error={errorAt(errors, `commands[${i}].identifier`)}
                  disabled={readOnly}
                  mono
                  testId={`command-${i}-identifier`}
                />
                <TextCell
                  label={t.thingModel.name}
                  value={c.name}
                  onChange={(v) => setCommand(i, { name: v })}
                  error={errorAt(errors, `commands[${i}].name`)}
                  disabled={readOnly}
                  testId={`command-${i}-name`}
                />
              </div>
              <RemoveButton
                label={t.thingModel.removeRow}
                disabled={readOnly}
                testId={`command-${i}-remove`}
                onClick={() => onChange({ ...value, commands: value.commands.filter((_, j) => j !== i) })}
              />
            </div>
            <ParamList
              title={t.thingModel.input}
              params={c.input}
              path={`commands[${i}].input`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`command-${i}-input`}
              onChange={(input) => setCommand(i, { input })}
            />
            <ParamList
              title={t.thingModel.output}
              params={c.output}
              path={`commands[${i}].output`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`command-${i}-output`}
              onChange={(output) => setCommand(i, { output })}
            />
          </div>
        ))}
      </Section>
    </div>
  );
}
