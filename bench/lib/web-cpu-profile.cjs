// CPU profile of the web server only (node refuses --cpu-prof in NODE_OPTIONS, and the bench spawns the server):
//   NODE_OPTIONS="--require $PWD/bench/lib/web-cpu-profile.cjs" npm run api -w @aspen/bench -- --seconds 8
// Samples every 500 µs from start to SIGTERM and writes <os tmpdir>/web-<pid>.cpuprofile (open in Chrome DevTools).
const os = require("node:os");
const path = require("node:path");

if (process.argv.some((a) => a.endsWith("server.mjs"))) {
  const inspector = require("node:inspector");
  const fs = require("node:fs");
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable", () =>
    session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start")),
  );
  let done = false;
  process.prependListener("SIGTERM", () => {
    if (done) return;
    done = true;
    session.post("Profiler.stop", (_err, { profile }) => {
      const file = path.join(os.tmpdir(), `web-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`web: CPU profile in ${file}`);
      process.exit(0);
    });
  });
}
