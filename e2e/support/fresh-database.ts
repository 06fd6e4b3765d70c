import pg from "pg";

// Recreates the e2e database named in DATABASE_URL, connecting through the server's `postgres` database.
async function main(): Promise<void> {
  const target = new URL(process.env.DATABASE_URL ?? "");
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
}

void main();
