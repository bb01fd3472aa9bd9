/** An error option that says "Required" for a missing value and `message` for a wrong one. */
export function typeError(message: string) {
  return (iss: { input?: unknown }): string => (iss.input === undefined ? "Required" : message);
}
