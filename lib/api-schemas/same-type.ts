/**
 * Compile-time proof that a response schema (zod) and the type the code builds its answer from
 * describe the same thing: `Assert<Same<A, B>>` fails to type-check when they drift apart.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
