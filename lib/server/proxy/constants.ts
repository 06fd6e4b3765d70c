export const PROXY_PREFIX = "/api/v1/";
