export { deviceStatus, toDeviceDto, type DeviceDto, type DeviceStatus } from "../../services/device/dto";
