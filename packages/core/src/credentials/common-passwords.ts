/**
 * Words that most leaked-password lists start with; a password that is one of them plus digits or
 * symbols (`Password123!`, `qwerty2024!!`) is guessed in the first thousand tries.
 */
const COMMON_WORDS = new Set(
  (
    "password passw0rd passwort motdepasse contrasena qwerty qwertyuiop qwertz azerty asdfgh asdfghjkl zxcvbnm iloveyou " +
    "welcome admin administrator letmein monkey dragon football baseball basketball soccer hockey sunshine princess " +
    "shadow master superman batman trustno1 whatever freedom starwars pokemon computer internet secret changeme " +
    "default login guest test tester abc abcdef abcdefg abcdefgh abcdefghi abcdefghij aaaaaa michael jennifer " +
    "jordan hunter ranger harley charlie thomas daniel andrew joshua matthew jessica ashley summer winter spring " +
    "autumn chocolate cookie cheese banana orange purple flower lovely loveme hello helloworld google facebook " +
    "linkedin microsoft apple samsung aspen iot device mustang ferrari porsche killer fuckyou biteme access " +
    "mypassword yourpassword nopassword"
  ).split(" "),
);

/** Keyboard and alphabet runs: a password that is a slice of one of these (plus digits) is predictable. */
const RUNS = ["abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "01234567890", "09876543210"];

/**
 * Why `password` is too predictable to accept, or null. Checks what a guesser tries first: a common
 * word with digits or symbols around it, very few distinct characters (`aaaaaaaaa1`), and keyboard or
 * alphabet runs (`abcdefghi!`, `1234567890qwerty`).
 */
export function predictablePassword(password: string): string | null {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return "repeats too few characters";
  const letters = lower.replace(/[^\p{L}]/gu, "");
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (COMMON_WORDS.has(core) || COMMON_WORDS.has(letters)) return "is a common word with digits or symbols";
  const alnum = lower.replace(/[^a-z0-9]/g, "");
  const pieces = alnum.match(/[a-z]+|[0-9]+/g) ?? [];
  if (pieces.length > 0 && pieces.every((p) => p.length <= 2 || RUNS.some((run) => run.includes(p))))
    return "is a keyboard or alphabet run";
  return null;
}
