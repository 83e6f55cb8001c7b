// Reading a JSON object out of a model's answer: servers without JSON modes wrap it in prose or ``` fences.

/** The JSON value in `text`: the whole text, else a fenced block, else the outermost {...}. Undefined if none parses. */
export function extractJson(text: string): unknown {
  const attempts = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) attempts.push(fenced[1].trim());
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start >= 0 && end > start) attempts.push(text.slice(start, end + 1));
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // not JSON: try the next reading
    }
  }
  return undefined;
}
