import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort } from "./ports";

/**
 * Throw-away PostgreSQL and Redis instances for fault tests, which stop and restart them: the shared
 * services of the test run must never be stopped. Each lives in its own temp directory on a port from
 * the kernel and is set up like scripts/services.sh sets up the private instances (scram passwords,
 * the three roles, migrations applied; Redis with appendonly and noeviction). As root (CI), PostgreSQL
 * runs as the `postgres` user, as scripts/services.sh does.
 */

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../../..");
const tsx = join(root, "node_modules/.bin/tsx");

const asRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, "bin/initdb"))) : [];
  const latest = versions.sort((a, b) => Number(a) - Number(b)).pop();
  if (!latest)
    throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql: run `bash scripts/services.sh` once (installs them)");
  return join(base, latest, "bin");
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
async function pg(bin: string, args: string[], env: Record<string, string> = {}) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(pgBin(), bin), ...args]] : [join(pgBin(), bin), args];
  return run(cmd, argv, { cwd: "/", env: { PATH: process.env.PATH ?? "", ...env }, maxBuffer: 16 * 1024 * 1024 });
}

/** Whether something accepts TCP connections on 127.0.0.1:port now. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export interface ScratchPostgres {
  port: number;
  /** The owner (migrations), the system role (BYPASSRLS: broker, worker, fixtures) and the tenant role. */
  urls: { MIGRATE_DATABASE_URL: string; DATABASE_URL: string; TENANT_DATABASE_URL: string };
  /** `pg_ctl stop`: `fast` disconnects sessions and checkpoints, `immediate` is a crash (recovery on start). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its directory. */
  destroy(): Promise<void>;
}

/** initdb + start + roles + database + migrations: about 3-5 s here. */
export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "aspen-faults-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const superPassword = randomBytes(18).toString("base64url");
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, superPassword, { mode: 0o644 });
  if (asRoot) chownSync(dir, uidOf("postgres"), 0);
  await pg("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth-host=scram-sha-256",
    "--auth-local=scram-sha-256",
    `--pwfile=${pwfile}`,
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  rmSync(pwfile);
  const conf = [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${data}'`,
    "max_connections = 100",
    "shared_buffers = 32MB",
    "fsync = on",
    "synchronous_commit = on",
  ];
  appendFileSync(join(data, "postgresql.conf"), `\n${conf.join("\n")}\n`);
  const logFile = join(dir, "server.log");
  const ctl = (args: string[]) => pg("pg_ctl", ["-D", data, "-l", logFile, ...args]);
  const admin = (sql: string, db = "postgres") =>
    run(
      join(pgBin(), "psql"),
      ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-qtA", "-c", sql],
      {
        env: { PATH: process.env.PATH ?? "", PGPASSWORD: superPassword },
      },
    );
  await ctl(["-w", "-t", "60", "start"]);
  await admin("CREATE ROLE aspen LOGIN PASSWORD 'aspen'");
  await admin("CREATE ROLE aspen_system LOGIN BYPASSRLS PASSWORD 'aspen_system'");
  await admin("CREATE ROLE aspen_tenant LOGIN NOBYPASSRLS PASSWORD 'aspen_tenant'");
  await admin("CREATE DATABASE aspen OWNER aspen");
  await admin("REVOKE CONNECT ON DATABASE aspen FROM PUBLIC");
  await admin("GRANT CONNECT ON DATABASE aspen TO aspen, aspen_system, aspen_tenant");
  const at = `127.0.0.1:${port}/aspen`;
  const urls = {
    MIGRATE_DATABASE_URL: `postgres://aspen:aspen@${at}`,
    DATABASE_URL: `postgres://aspen_system:aspen_system@${at}`,
    TENANT_DATABASE_URL: `postgres://aspen_tenant:aspen_tenant@${at}`,
  };
  await run(tsx, [join(root, "packages/db/src/migrate.ts")], { cwd: root, env: { PATH: process.env.PATH ?? "", ...urls } });
  let destroyed = false;
  return {
    port,
    urls,
    async stop(mode = "fast") {
      await ctl(["-w", "-t", "60", "-m", mode, "stop"]);
    },
    async start() {
      await ctl(["-w", "-t", "60", "start"]);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await ctl(["-w", "-t", "60", "-m", "immediate", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  // /etc/passwd: name:x:uid:gid:...
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no "${user}" user: PostgreSQL cannot run as root (install Debian's postgresql, which creates it)`);
  return Number(line.split(":")[2]);
}

export interface ScratchRedis {
  port: number;
  url: string;
  /** Stops it: `SHUTDOWN` (the AOF is written) or SIGKILL (up to `appendfsync everysec` of writes lost). */
  stop(how?: "shutdown" | "kill"): Promise<void>;
  /** Starts it again on the same port and directory (the AOF is replayed). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A redis-server with AOF and noeviction (what every Aspen process requires) in its own directory. */
export async function startScratchRedis(): Promise<ScratchRedis> {
  const dir = mkdtempSync(join(tmpdir(), "aspen-faults-redis-"));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const c = spawn(
      "redis-server",
      [
        "--bind",
        "127.0.0.1",
        "--port",
        String(port),
        "--dir",
        dir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--maxmemory-policy",
        "noeviction",
        "--save",
        "",
      ],
      { stdio: "ignore" },
    );
    child = c;
    exited = new Promise<void>((r) => c.once("exit", () => r()));
    for (let i = 0; i < 100; i++) {
      if (await listening(port)) return;
      if (c.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on ${port}`);
  };
  await start();
  let destroyed = false;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop(how = "shutdown") {
      if (!child || child.exitCode !== null) return;
      child.kill(how === "kill" ? "SIGKILL" : "SIGTERM"); // SIGTERM is SHUTDOWN: the AOF is flushed
      await exited;
    },
    start,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (child && child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
