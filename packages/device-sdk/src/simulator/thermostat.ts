import type { DeviceModel } from "../types";

/** The demo Thermostat product (packages/db seed) as the SDK sees it. */
export interface Thermostat extends DeviceModel {
  properties: { temperature: number; humidity: number; target: number; mode: "eco" | "comfort" | "off" };
  events: { overheat: { temperature: number } };
  commands: {
    reboot: { params: { delay?: number }; result: Record<string, never> };
    setTarget: { params: { target: number }; result: { target: number } };
  };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * A room with a thermostat: the temperature drifts towards the set point (a little below it in
 * eco mode, towards the outside temperature when off), with sensor noise and a daily swing.
 */
export class ThermostatState {
  temperature: number;
  humidity: number;
  target = 21;
  mode: Thermostat["properties"]["mode"] = "comfort";

  constructor(private readonly random: () => number = Math.random) {
    this.temperature = 18 + random() * 4;
    this.humidity = 40 + random() * 10;
  }

  /** Advances the simulation by `seconds`; returns the reading to send. */
  step(seconds: number, now = Date.now()): { temperature: number; humidity: number } {
    const hour = new Date(now).getHours() + new Date(now).getMinutes() / 60;
    const outside = 12 + 6 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);
    const goal = this.mode === "off" ? outside : this.mode === "eco" ? this.target - 2 : this.target;
    const rate = this.mode === "off" ? 0.002 : 0.01;
    this.temperature += (goal - this.temperature) * Math.min(1, rate * seconds) + (this.random() - 0.5) * 0.1;
    this.humidity = Math.min(70, Math.max(25, this.humidity + (this.random() - 0.5) * 0.6 - (this.temperature - 21) * 0.01));
    return { temperature: round(this.temperature, 2), humidity: round(this.humidity, 1) };
  }

  apply(desired: Partial<Thermostat["properties"]>) {
    if (typeof desired.target === "number" && desired.target >= 5 && desired.target <= 35) this.target = desired.target;
    if (desired.mode === "eco" || desired.mode === "comfort" || desired.mode === "off") this.mode = desired.mode;
  }
}
