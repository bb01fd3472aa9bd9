export { connectDevice, DeviceClient, type ConnectOptions } from "./client";
export { CommandError, type AnyModel, type CommandRequest, type DeviceModel, type TimedValues, type Value } from "./types";
export { topics } from "./topics";
