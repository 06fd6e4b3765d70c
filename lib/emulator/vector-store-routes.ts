import type { Route } from "./http";
import { search } from "./vector-search";
import {
  cancelBatch,
  createBatch,
  createStoreFile,
  deleteStoreFile,
  listBatchFiles,
  listStoreFiles,
  retrieveBatch,
  retrieveStoreFile,
  storeFileContent,
  updateStoreFile,
} from "./vector-store-files";
import {
  createVectorStore,
  deleteVectorStore,
  listVectorStores,
  retrieveVectorStore,
  updateVectorStore,
} from "./vector-stores";

const ID = "([^/]+)";
const vs = `^/v1/vector_stores/${ID}`;
const file = `${vs}/files/${ID}`;
const batch = `${vs}/file_batches/${ID}`;

/** The vector-store endpoints: stores, their files, file batches and search. */
export const VECTOR_STORE_ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/vector_stores$/, handler: createVectorStore, json: true },
  { method: "GET", pattern: /^\/v1\/vector_stores$/, handler: listVectorStores },
  { method: "GET", pattern: new RegExp(`${vs}$`), handler: retrieveVectorStore },
  { method: "POST", pattern: new RegExp(`${vs}$`), handler: updateVectorStore, json: true },
  { method: "DELETE", pattern: new RegExp(`${vs}$`), handler: deleteVectorStore },
  { method: "POST", pattern: new RegExp(`${vs}/search$`), handler: search, json: true },
  { method: "POST", pattern: new RegExp(`${vs}/files$`), handler: createStoreFile, json: true },
  { method: "GET", pattern: new RegExp(`${vs}/files$`), handler: listStoreFiles },
  { method: "GET", pattern: new RegExp(`${file}$`), handler: retrieveStoreFile },
  { method: "POST", pattern: new RegExp(`${file}$`), handler: updateStoreFile, json: true },
  { method: "DELETE", pattern: new RegExp(`${file}$`), handler: deleteStoreFile },
  { method: "GET", pattern: new RegExp(`${file}/content$`), handler: storeFileContent },
  { method: "POST", pattern: new RegExp(`${vs}/file_batches$`), handler: createBatch, json: true },
  { method: "GET", pattern: new RegExp(`${batch}$`), handler: retrieveBatch },
  { method: "POST", pattern: new RegExp(`${batch}/cancel$`), handler: cancelBatch },
  { method: "GET", pattern: new RegExp(`${batch}/files$`), handler: listBatchFiles },
];
