// Stands in for the `server-only` package in the bundled CLI, which runs in plain Node on the server.
export {};
