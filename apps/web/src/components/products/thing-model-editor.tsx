"use client";

import type { EventLevel } from "@aspen/core";
import { useI18n } from "@/i18n/provider";
import { newCommand, newEvent, newProperty, type ThingModelDraft } from "./thing-model-draft";
import { errorAt, ParamList, SelectCell, SpecFields, TextCell, type ModelErrors } from "./thing-model-fields";
import { ThingModelSection } from "./thing-model-section";

export type { ModelErrors } from "./thing-model-fields";

const levels: EventLevel[] = ["info", "warning", "fault"];

/**
 * Properties, events and commands of a product, row by row. Errors (from the
 * browser's check as you type, or the server's validator) appear under the field they name.
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
  const { t, format } = useI18n();
  const nameOf = (field: string, item: string) => format(t.ui.fieldOf, { field, item });

  return (
    <div className="space-y-8" data-testid="thing-model-editor">
      <ThingModelSection
        title={t.products.properties}
        items={value.properties}
        onChange={(properties) => onChange({ ...value, properties })}
        create={newProperty}
        addLabel={t.thingModel.addProperty}
        emptyText={t.thingModel.noProperties}
        error={errors.properties}
        readOnly={readOnly}
        testId="tm-properties"
        addTestId="add-property"
        itemTestId="property"
        itemName={(n) => format(t.ui.propertyN, { n })}
        gridClassName="grid-cols-2 sm:grid-cols-3 lg:grid-cols-8"
        fields={(p, i, patch, name) => (
          <>
            <SpecFields
              spec={p}
              path={`properties[${i}]`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`property-${i}`}
              itemName={name}
              onChange={patch}
            />
            <SelectCell
              label={t.thingModel.access}
              name={nameOf(t.thingModel.access, name)}
              value={p.access}
              options={[
                { value: "r", label: t.thingModel.readOnly },
                { value: "rw", label: t.thingModel.readWrite },
              ]}
              onChange={(access) => patch({ access })}
              error={errorAt(errors, `properties[${i}].access`)}
              disabled={readOnly}
              testId={`property-${i}-access`}
            />
          </>
        )}
      />

      <ThingModelSection
        title={t.products.events}
        items={value.events}
        onChange={(events) => onChange({ ...value, events })}
        create={newEvent}
        addLabel={t.thingModel.addEvent}
        emptyText={t.thingModel.noEvents}
        error={errors.events}
        readOnly={readOnly}
        testId="tm-events"
        addTestId="add-event"
        itemTestId="event"
        itemName={(n) => format(t.ui.eventN, { n })}
        gridClassName="grid-cols-2 sm:grid-cols-3"
        fields={(e, i, patch, name) => (
          <>
            <TextCell
              label={t.thingModel.identifier}
              name={nameOf(t.thingModel.identifier, name)}
              value={e.identifier}
              onChange={(identifier) => patch({ identifier })}
              error={errorAt(errors, `events[${i}].identifier`)}
              disabled={readOnly}
              mono
              testId={`event-${i}-identifier`}
            />
            <TextCell
              label={t.thingModel.name}
              name={nameOf(t.thingModel.name, name)}
              value={e.name}
              onChange={(n) => patch({ name: n })}
              error={errorAt(errors, `events[${i}].name`)}
              disabled={readOnly}
              testId={`event-${i}-name`}
            />
            <SelectCell
              label={t.thingModel.level}
              name={nameOf(t.thingModel.level, name)}
              value={e.level}
              options={levels.map((l) => ({ value: l, label: t.thingModel[l] }))}
              onChange={(level) => patch({ level })}
              error={errorAt(errors, `events[${i}].level`)}
              disabled={readOnly}
              testId={`event-${i}-level`}
            />
          </>
        )}
        below={(e, i, patch, name) => (
          <ParamList
            title={t.thingModel.params}
            params={e.params}
            path={`events[${i}].params`}
            errors={errors}
            readOnly={readOnly}
            testPrefix={`event-${i}`}
            paramName={(n) => format(t.ui.paramN, { n, parent: name })}
            parentName={name}
            onChange={(params) => patch({ params })}
          />
        )}
      />

      <ThingModelSection
        title={t.products.commands}
        items={value.commands}
        onChange={(commands) => onChange({ ...value, commands })}
        create={newCommand}
        addLabel={t.thingModel.addCommand}
        emptyText={t.thingModel.noCommands}
        error={errors.commands}
        readOnly={readOnly}
        testId="tm-commands"
        addTestId="add-command"
        itemTestId="command"
        itemName={(n) => format(t.ui.commandN, { n })}
        gridClassName="grid-cols-2"
        fields={(c, i, patch, name) => (
          <>
            <TextCell
              label={t.thingModel.identifier}
              name={nameOf(t.thingModel.identifier, name)}
              value={c.identifier}
              onChange={(identifier) => patch({ identifier })}
              error={errorAt(errors, `commands[${i}].identifier`)}
              disabled={readOnly}
              mono
              testId={`command-${i}-identifier`}
            />
            <TextCell
              label={t.thingModel.name}
              name={nameOf(t.thingModel.name, name)}
              value={c.name}
              onChange={(n) => patch({ name: n })}
              error={errorAt(errors, `commands[${i}].name`)}
              disabled={readOnly}
              testId={`command-${i}-name`}
            />
          </>
        )}
        below={(c, i, patch, name) => (
          <>
            <ParamList
              title={t.thingModel.input}
              params={c.input}
              path={`commands[${i}].input`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`command-${i}-input`}
              paramName={(n) => format(t.ui.inputParamN, { n, parent: name })}
              parentName={name}
              onChange={(input) => patch({ input })}
            />
            <ParamList
              title={t.thingModel.output}
              params={c.output}
              path={`commands[${i}].output`}
              errors={errors}
              readOnly={readOnly}
              testPrefix={`command-${i}-output`}
              paramName={(n) => format(t.ui.outputParamN, { n, parent: name })}
              parentName={name}
              onChange={(output) => patch({ output })}
            />
          </>
        )}
      />
    </div>
  );
}
