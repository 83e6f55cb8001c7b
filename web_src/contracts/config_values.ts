// Configuration values that arrive as numbers (explicit options) or as text (environment variables, CLI flags).
import { z } from "zod";

/** A whole number given as a number (options) or as decimal digits (environment, CLI). */
export const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(min).max(max));

/** A decimal number given as a number or as text (environment). */
export const decimal = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)])
    .pipe(z.number().min(min).max(max));

