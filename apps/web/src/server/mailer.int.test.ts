import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv } from "./testing";

/** A minimal SMTP server that accepts one message at a time and keeps what it got. */
function fakeSmtp(): Promise<{ server: Server; port: number; messages: { from: string; to: string[]; data: string }[] }> {
  const messages: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((sock) => {
    let from = "";
    let to: string[] = [];
    let inData = false;
    let data = "";
    let buf = "";
    sock.write("220 fake ESMTP\r\n");
    sock.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      let i: number;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push({ from, to, data });
            sock.write("250 OK queued\r\n");
          } else data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250 fake\r\n");
        else if (cmd === "MAIL") ((from = line), sock.write("250 OK\r\n"));
        else if (cmd === "RCPT") (to.push(line), sock.write("250 OK\r\n"));
        else if (cmd === "DATA") ((inData = true), (data = ""), sock.write("354 go ahead\r\n"));
        else if (cmd === "QUIT") sock.end("221 bye\r\n");
        else if (cmd === "RSET") ((to = []), sock.write("250 OK\r\n"));
        else sock.write("250 OK\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === "object" && addr ? addr.port : 0, messages });
    }),
  );
}

let smtp: Awaited<ReturnType<typeof fakeSmtp>>;

beforeAll(async () => {
  smtp = await fakeSmtp();
  // Before anything reads the env: this file's web modules see SMTP configured.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.SMTP_FROM = "Aspen Test <noreply@test.aspen.dev>";
  ensureTestEnv();
});

afterAll(async () => {
  // Workers may run other files next: do not leave SMTP configured for them.
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  await new Promise<void>((r) => smtp.server.close(() => r()));
});

describe("invitation email", () => {
  it("is sent through SMTP_URL with the link, and the invite says so", async () => {
    const w = await createRoleWorld();
    const email = `mail-${Date.now()}@test.aspen.dev`;
    const res = await callerAs(w.users.owner).member.invite({ tenantSlug: w.tenant.slug, email, role: "admin" });
    expect(res.emailed).toBe(true);
    const msg = smtp.messages.find((m) => m.to.some((t) => t.includes(email)));
    expect(msg).toBeDefined();
    expect(msg!.from).toContain("noreply@test.aspen.dev");
    const body = msg!.data.replace(/=\n/g, "").replace(/=3D/g, "=");
    expect(body).toContain(res.inviteUrl);
    expect(body).toContain(w.tenant.name);
  });
});
