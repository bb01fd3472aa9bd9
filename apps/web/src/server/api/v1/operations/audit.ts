import { listAuditAfter, listAuditAfterInput, listAuditAfterOutput } from "../../../services/audit/listAfter";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

export const auditOperations = [
  defineOperation({
    operationId: "listAuditLog",
    method: "GET",
    path: "/audit-log",
    tag: "Audit",
    summary: "Read the audit log",
    description:
      "Who did what, newest first. `action` is exact (`device.create`) or a prefix (`device.`); `from`/`to` are ISO timestamps. " +
      "Changes made through this API name the key or app as the actor (`apiKey:<name>`, `oauthApp:<name>`).",
    scope: "audit:read",
    query: cursorQuery(listAuditAfterInput),
    status: 200,
    output: listAuditAfterOutput,
    handler: ({ scope, query }) => listAuditAfter(scope, fromCursorQuery(query)),
  }),
];
