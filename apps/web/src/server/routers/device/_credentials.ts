// Moved to services/device/credentials.ts; kept for device-api/register.ts (owned by another helper) until it imports from there.
export { mqttSettings, newDeviceSecret } from "../../services/device/credentials";
