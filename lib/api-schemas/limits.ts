import { z } from "zod";
import { type Limits as EngineLimits, LimitsRequest } from "../sandbox/limits";
import type { Assert, Same } from "./same-type";

/** The limits a run got: what it asked for within the maxima, the server's defaults otherwise. */
export const Limits = LimitsRequest.required().extend({
  tmpMb: z.number().int().meta({ description: "Size of /tmp and of the work directory, each" }),
  nofile: z.number().int(),
});
export type Limits = z.infer<typeof Limits>;

export type LimitsMatchEngine = Assert<Same<Limits, EngineLimits>>;
