import { randomBytes } from "node:crypto";

// Crockford base32, as ULIDs use: ids sort by creation time, like Inngest's own run and event ids.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

let lastTime = 0;
let lastRandom: number[] = [];

/** A ULID: 10 chars of millisecond time + 16 chars of randomness, monotonic within one millisecond. */
export function ulid(now = Date.now()): string {
  let random: number[];
  if (now === lastTime) {
    random = [...lastRandom];
    // Increment the random part so ids made in the same millisecond still sort in order.
    for (let i = random.length - 1; i >= 0; i--) {
      if (random[i]! < 31) {
        random[i]! += 1;
        break;
      }
      random[i] = 0;
    }
  } else {
    const bytes = randomBytes(16);
    random = Array.from(bytes, (b) => b % 32);
  }
  lastTime = now;
  lastRandom = random;
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((n) => ALPHABET[n]).join("");
}
