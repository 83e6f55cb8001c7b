// Reads what the Odoo side returned with its schema (web_src/contracts/dashboard.ts) before the dashboard uses it.
// A reply of the wrong shape (an older add-on on the server) becomes one RpcShapeError that names the method, the
// path and what was expected: "dashboard_rows: rows[1].line.amount should be a number".
import * as z from "zod/mini";

/** The server answered, but not in the shape of the contract. */
export class RpcShapeError extends Error {
  override name = "RpcShapeError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${method}: ${path || "result"} should be ${expected}`);
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  object: "an object",
  array: "a list",
  tuple: "a list",
  number: "a number",
  int: "an integer",
  string: "a string",
  boolean: "true or false",
  null: "empty",
};

/** `rows[1].line.amount` from ["rows", 1, "line", "amount"]. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), "");
}

function toShapeError(method: string, issue: z.core.$ZodIssue): RpcShapeError {
  const path = pathText(issue.path);
  switch (issue.code) {
    case "invalid_type":
      // A schema may name what it expects (contracts/dashboard.ts `Int`); else zod's type name, in words.
      return new RpcShapeError(method, path, issue.message !== "Invalid input" ? issue.message : (EXPECTED[issue.expected] ?? issue.expected));
    case "invalid_value":
      return new RpcShapeError(method, path, `one of ${issue.values.map(String).join(", ")}`);
    case "unrecognized_keys":
      return new RpcShapeError(method, pathText([...issue.path, issue.keys[0] ?? ""]), "a known filter");
    case "invalid_union": {
      // A nullable text or a union of shapes: report the first alternative's first problem.
      const first = issue.errors[0]?.[0];
      return first ? toShapeError(method, { ...first, path: [...issue.path, ...first.path] }) : new RpcShapeError(method, path, "valid");
    }
    default:
      return new RpcShapeError(method, path, "valid");
  }
}

/** The reply of `method`, read with `schema`; throws RpcShapeError on the first thing that does not fit. */
export function parseReply<T extends z.ZodMiniType>(method: string, schema: T, value: unknown): z.infer<T> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw issue ? toShapeError(method, issue) : new RpcShapeError(method, "", "valid");
}
