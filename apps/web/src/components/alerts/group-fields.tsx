"use client";

import { Button, Field, Input, Select } from "@aspen/ui";
import { comparisonOps, type ThingModel } from "@aspen/core/browser";
import { useI18n } from "@/i18n/provider";
import { newCondition, type ConditionDraft, type GroupDraft } from "./rule-draft";

/**
 * Telemetry conditions combined with AND/OR, held for N seconds: the trigger and the clear
 * condition of a rule. `at` is the group's field path (`rule.trigger` / `rule.clear`).
 */
export function GroupFields({
  group,
  onChange,
  model,
  at,
  error,
  idPrefix,
}: {
  group: GroupDraft;
  onChange: (g: GroupDraft) => void;
  model: ThingModel | undefined;
  at: string;
  error: (path: string) => string | undefined;
  idPrefix: string;
}) {
  const { t, format } = useI18n();
  const r = t.alertRules;
  const props = model?.properties ?? [];
  const setCond = (i: number, patch: Partial<ConditionDraft>) =>
    onChange({ ...group, conditions: group.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const prefix = idPrefix === "clear" ? `${r.clear} · ` : "";
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={`${prefix}${r.combine}`} error={error(`${at}.combine`)}>
          {(id) => (
            <Select
              id={id}
              data-path={`${at}.combine`}
              value={group.combine}
              onChange={(e) => onChange({ ...group, combine: e.target.value as GroupDraft["combine"] })}
              options={[
                { value: "all", label: r.combineAll },
                { value: "any", label: r.combineAny },
              ]}
            />
          )}
        </Field>
        <Field label={`${prefix}${r.forSeconds}`} hint={r.forSecondsHint} error={error(`${at}.forSeconds`)}>
          {(id, describedBy) => (
            <Input
              id={id}
              data-path={`${at}.forSeconds`}
              aria-describedby={describedBy}
              inputMode="numeric"
              value={group.forSeconds}
              invalid={!!error(`${at}.forSeconds`)}
              onChange={(e) => onChange({ ...group, forSeconds: e.target.value })}
            />
          )}
        </Field>
      </div>
      <ol className="space-y-3">
        {group.conditions.map((c, i) => {
          const path = `${at}.conditions[${i}]`;
          const n = idPrefix === "clear" ? `${r.clear} ${i + 1}` : String(i + 1);
          const p = props.find((x) => x.identifier === c.property);
          const cellError = error(path);
          return (
            <li key={i} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`${idPrefix}-condition-${i}`}>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <Field label={format(r.property, { n })} error={error(`${path}.property`)}>
                  {(id) => (
                    <Select
                      id={id}
                      data-path={`${path}.property`}
                      value={c.property}
                      invalid={!!error(`${path}.property`)}
                      onChange={(e) => setCond(i, { property: e.target.value })}
                      placeholder={props.length ? undefined : "—"}
                      options={props.map((x) => ({
                        value: x.identifier,
                        label: `${x.name} (${x.identifier})${x.unit ? ` · ${x.unit}` : ""}`,
                      }))}
                    />
                  )}
                </Field>
                <Field label={format(r.kind, { n })} error={error(`${path}.kind`)}>
                  {(id) => (
                    <Select
                      id={id}
                      data-path={`${path}.kind`}
                      value={c.kind}
                      onChange={(e) => {
                        const kind = e.target.value as ConditionDraft["kind"];
                        setCond(i, { kind, op: kind === "range" ? "between" : kind === "compare" ? ">" : "" });
                      }}
                      options={[
                        { value: "compare", label: r.kindCompare },
                        { value: "range", label: r.kindRange },
                        { value: "change", label: r.kindChange },
                      ]}
                    />
                  )}
                </Field>
                {c.kind === "compare" ? (
                  <>
                    <Field label={format(r.op, { n })} error={error(`${path}.op`)}>
                      {(id) => (
                        <Select
                          id={id}
                          data-path={`${path}.op`}
                          value={c.op}
                          invalid={!!error(`${path}.op`)}
                          onChange={(e) => setCond(i, { op: e.target.value })}
                          options={comparisonOps.map((o) => ({ value: o, label: o }))}
                        />
                      )}
                    </Field>
                    <Field label={format(r.value, { n })} error={error(`${path}.value`)}>
                      {(id) =>
                        p?.type === "bool" || p?.type === "enum" ? (
                          <Select
                            id={id}
                            data-path={`${path}.value`}
                            value={c.value}
                            placeholder="—"
                            invalid={!!error(`${path}.value`)}
                            onChange={(e) => setCond(i, { value: e.target.value })}
                            options={
                              p.type === "bool"
                                ? [
                                    { value: "true", label: t.values.true },
                                    { value: "false", label: t.values.false },
                                  ]
                                : (p.enumValues ?? []).map((v) => ({ value: v, label: v }))
                            }
                          />
                        ) : (
                          <Input
                            id={id}
                            data-path={`${path}.value`}
                            value={c.value}
                            invalid={!!error(`${path}.value`)}
                            inputMode={p?.type === "string" ? "text" : "decimal"}
                            onChange={(e) => setCond(i, { value: e.target.value })}
                          />
                        )
                      }
                    </Field>
                  </>
                ) : c.kind === "range" ? (
                  <>
                    <Field label={format(r.op, { n })} error={error(`${path}.op`)}>
                      {(id) => (
                        <Select
                          id={id}
                          data-path={`${path}.op`}
                          value={c.op}
                          onChange={(e) => setCond(i, { op: e.target.value })}
                          options={[
                            { value: "between", label: r.between },
                            { value: "outside", label: r.outside },
                          ]}
                        />
                      )}
                    </Field>
                    <div className="grid grid-cols-2 gap-2">
                      <Field label={format(r.min, { n })} error={error(`${path}.min`)}>
                        {(id) => (
                          <Input
                            id={id}
                            data-path={`${path}.min`}
                            inputMode="decimal"
                            value={c.min}
                            invalid={!!error(`${path}.min`)}
                            onChange={(e) => setCond(i, { min: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field label={format(r.max, { n })} error={error(`${path}.max`)}>
                        {(id) => (
                          <Input
                            id={id}
                            data-path={`${path}.max`}
                            inputMode="decimal"
                            value={c.max}
                            invalid={!!error(`${path}.max`)}
                            onChange={(e) => setCond(i, { max: e.target.value })}
                          />
                        )}
                      </Field>
                    </div>
                  </>
                ) : (
                  <>
                    <Field label={format(r.delta, { n })} error={error(`${path}.delta`)}>
                      {(id) => (
                        <Input
                          id={id}
                          data-path={`${path}.delta`}
                          inputMode="decimal"
                          value={c.delta}
                          invalid={!!error(`${path}.delta`)}
                          onChange={(e) => setCond(i, { delta: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field label={format(r.window, { n })} error={error(`${path}.windowSeconds`)}>
                      {(id) => (
                        <Input
                          id={id}
                          data-path={`${path}.windowSeconds`}
                          inputMode="numeric"
                          value={c.windowSeconds}
                          invalid={!!error(`${path}.windowSeconds`)}
                          onChange={(e) => setCond(i, { windowSeconds: e.target.value })}
                        />
                      )}
                    </Field>
                  </>
                )}
              </div>
              {cellError ? (
                <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">
                  {cellError}
                </p>
              ) : null}
              {group.conditions.length > 1 ? (
                <div className="mt-2 flex justify-end">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => onChange({ ...group, conditions: group.conditions.filter((_, j) => j !== i) })}
                  >
                    {format(r.removeCondition, { n })}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {error(`${at}.conditions`) ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error(`${at}.conditions`)}
        </p>
      ) : null}
      {group.conditions.length < 10 ? (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition(model)] })}
        >
          {idPrefix === "clear" ? `${r.clear}: ${r.addCondition}` : r.addCondition}
        </Button>
      ) : null}
    </div>
  );
}
