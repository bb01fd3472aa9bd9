import { createProduct, createProductInput, createProductOutput } from "../../../services/product/create";
import { deleteProduct, deleteProductOutput } from "../../../services/product/delete";
import { getProduct, getProductInput, getProductOutput } from "../../../services/product/byId";
import { listProductsAfter, listProductsAfterInput, listProductsAfterOutput } from "../../../services/product/listAfter";
import { rotateProductSecret, rotateProductSecretOutput } from "../../../services/product/rotateSecret";
import { updateProduct, updateProductInput, updateProductOutput } from "../../../services/product/update";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = getProductInput.pick({ id: true }).strict();
const tag = "Products";

export const productOperations = [
  defineOperation({
    operationId: "listProducts",
    method: "GET",
    path: "/products",
    tag,
    summary: "List products",
    description: "Products by name. Page with `limit` and `starting_after` (the previous page's `nextCursor`).",
    scope: "products:read",
    query: cursorQuery(listProductsAfterInput),
    status: 200,
    output: listProductsAfterOutput,
    handler: ({ scope, query }) => listProductsAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "createProduct",
    method: "POST",
    path: "/products",
    tag,
    summary: "Create a product",
    description: "A device model with its thing model, which validates everything its devices send.",
    scope: "products:write",
    body: createProductInput.strict(),
    status: 201,
    output: createProductOutput,
    location: (p) => `/products/${p.id}`,
    handler: ({ scope, body }) => createProduct(scope, body),
  }),
  defineOperation({
    operationId: "getProduct",
    method: "GET",
    path: "/products/{id}",
    tag,
    summary: "Get a product",
    scope: "products:read",
    params: idParams,
    status: 200,
    output: getProductOutput,
    handler: ({ scope, params }) => getProduct(scope, params),
  }),
  defineOperation({
    operationId: "updateProduct",
    method: "PATCH",
    path: "/products/{id}",
    tag,
    summary: "Update a product",
    description: "Only the fields sent change. A new thing model applies to the next message of every device.",
    scope: "products:write",
    params: idParams,
    body: updateProductInput.omit({ id: true }).strict(),
    status: 200,
    output: updateProductOutput,
    handler: ({ scope, params, body }) => updateProduct(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "deleteProduct",
    method: "DELETE",
    path: "/products/{id}",
    tag,
    summary: "Delete a product",
    description: "Refused (409) while devices of the product exist.",
    scope: "products:write",
    params: idParams,
    status: 200,
    output: deleteProductOutput,
    handler: ({ scope, params }) => deleteProduct(scope, { id: params.id }),
  }),
  defineOperation({
    operationId: "rotateProductSecret",
    method: "POST",
    path: "/products/{id}/rotate-secret",
    tag,
    summary: "Rotate the product secret",
    description: "For self-registration. The new secret is in this answer only; the old one stops working.",
    scope: "products:write",
    params: idParams,
    status: 200,
    output: rotateProductSecretOutput,
    handler: ({ scope, params }) => rotateProductSecret(scope, { id: params.id }),
  }),
];
