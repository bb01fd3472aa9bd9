// A bare aedes 1.2 broker with its defaults, as the reference the benches compare against.
import { Aedes } from "aedes";
import { createServer } from "node:net";

const port = Number(process.argv[2]);
const noDelay = process.argv[3] === "nodelay";
const broker = await Aedes.createBroker();
const server = createServer((socket) => {
  if (noDelay) socket.setNoDelay(true);
  broker.handle(socket);
});
server.listen(port, "127.0.0.1", () => console.log("bare aedes listening"));
process.on("SIGTERM", () => broker.close(() => server.close(() => process.exit(0))));
