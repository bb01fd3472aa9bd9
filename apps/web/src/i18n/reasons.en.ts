/**
 * The console's words for the server's stable error reasons (`error.data.reason`). A reason not
 * listed here shows the server's own message.
 */
export const reasonsEn = {
  slug_taken: "This slug is taken. Choose another.",
  product_name_taken: "This name is taken: another product has it.",
  device_name_taken: "This name is taken: another device in this tenant has it.",
  email_taken: "An account with this email already exists. Sign in instead.",
  already_member: "This person is already a member.",
  last_owner: "A tenant needs at least one owner: make someone else owner first.",
  cannot_assign_role: "Your role cannot give or take this role.",
  forbidden: "Your role does not allow this.",
  unauthenticated: "Sign in to continue.",
  not_found: "Not found, or you have no access to it.",
  product_not_found: "That product does not exist in this tenant.",
  device_disabled: "This device is disabled: enable it first.",
  version_conflict: "It changed since you loaded it: reload and try again.",
  wrong_password: "The current password is wrong.",
  invitation_accepted: "This invitation has already been accepted.",
  invalid_range: "The time range is not valid.",
  too_many_buckets: "Too many points for this range: choose a wider bucket or a shorter range.",
};

export type ReasonStrings = { [K in keyof typeof reasonsEn]: string };
