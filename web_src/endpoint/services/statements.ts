// Statement import, the endpoint's part: bytes of one bank file in, normalised statements out. The format is
// recognised from the content (the name is only a hint in messages), the text decoded, and the file read by the
// tested readers in web_src/statements/. Nothing is stored; nothing about the file's content is logged.
import {
  MAX_STATEMENT_FILE_BYTES,
  MAX_STATEMENT_LINES,
  ParseStatementResponseSchema,
  type ParseStatementRequest,
  type ParseStatementResponse,
} from "../../contracts/statements";
import { StatementFormatError, type BankStatement } from "../../statements/bank_statement_line";
import { readCamt } from "../../statements/camt";
import { readMt940 } from "../../statements/mt940";
import { readOfx } from "../../statements/ofx";
import { EndpointError, ResponseContractError } from "../errors";

/** The file is not a bank statement this endpoint reads; the message says why, naming the line or element. */
export class UnreadableStatementError extends EndpointError {
  readonly statusCode = 422;
  readonly code = "unreadable_statement";
}

export type FileKind = "camt" | "ofx" | "mt940";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

/**
 * UTF-8 (with or without a byte-order mark); UTF-16 when it starts with its byte-order mark (Windows exports of
 * CAMT); a file that is not valid UTF-8 is Latin-1, as German MT940 files are.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? utf16le : bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be : null;
  if (utf16 !== null) {
    try {
      return utf16.decode(bytes.subarray(2));
    } catch {
      throw new UnreadableStatementError("the file starts with a UTF-16 byte-order mark but is not valid UTF-16.");
    }
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    return latin1.decode(body);
  }
}

/** What the bytes hold, from the content; a sentence for the accountant when it is no statement we read. */
export function detectKind(bytes: Uint8Array, text: string, fileName: string): FileKind {
  const name = fileName === "" ? "the file" : `"${fileName}"`;
  if (text.trim() === "") throw new UnreadableStatementError(`${name} is empty.`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new UnreadableStatementError(
      `${name} is a ZIP archive (or an XLSX/ODS spreadsheet): unpack it and import the statement files it holds, or use the spreadsheet import.`,
    );
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new UnreadableStatementError(`${name} is a PDF: ask the bank for a CAMT, OFX or MT940 export instead.`);
  }
  if (text.slice(0, 8192).includes("\u0000")) {
    throw new UnreadableStatementError(`${name} is a binary file, not a CAMT, OFX or MT940 statement.`);
  }
  const head = text.slice(0, 4096);
  if (/OFXHEADER\s*:|<OFX>/i.test(head) || /<OFX>/i.test(text.slice(0, 65536))) return "ofx";
  if (/^\s*</.test(text)) return "camt";
  if (/^\s*\{1:/.test(text) || /^:\d{2}[A-Z]?:/m.test(text)) return "mt940";
  throw new UnreadableStatementError(
    `${name} is not a bank statement this import reads: expected CAMT.052/053/054 (XML), OFX/QFX or MT940/MT942.`,
  );
}

/** The line of `text` at character `index`, 1-based, for messages. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function readKind(kind: FileKind, text: string): BankStatement[] {
  switch (kind) {
    case "camt": {
      // ISO 20022 files never carry a DTD; refusing one rules out entity expansion ("billion laughs") and external
      // entities whatever the XML parser would do with them.
      const doctype = /<!DOCTYPE/i.exec(text);
      if (doctype !== null) {
        throw new UnreadableStatementError(
          `camt: the file declares a <!DOCTYPE> (line ${lineAt(text, doctype.index)}); ISO 20022 statements never do, and entity declarations are not accepted.`,
        );
      }
      return readCamt(text);
    }
    case "ofx":
      return readOfx(text);
    case "mt940":
      return readMt940(text);
  }
}

export class StatementService {
  private readonly validateResponses: boolean;

  constructor(options: { validateResponses: boolean }) {
    this.validateResponses = options.validateResponses;
  }

  parse(request: ParseStatementRequest): ParseStatementResponse {
    const bytes = Buffer.from(request.content, "base64");
    if (bytes.length > MAX_STATEMENT_FILE_BYTES) {
      throw new UnreadableStatementError(
        `the file has ${bytes.length} bytes; the import reads files of at most ${MAX_STATEMENT_FILE_BYTES} bytes (split it by period).`,
      );
    }
    const text = decodeText(bytes);
    const kind = detectKind(bytes, text, request.fileName);
    let statements: BankStatement[];
    try {
      statements = readKind(kind, text);
    } catch (error) {
      if (error instanceof StatementFormatError) throw new UnreadableStatementError(error.message);
      throw error;
    }
    const lineCount = statements.reduce((n, s) => n + s.lines.length + s.skipped.length, 0);
    if (lineCount > MAX_STATEMENT_LINES) {
      throw new UnreadableStatementError(
        `the file has ${lineCount} transactions; the import reads at most ${MAX_STATEMENT_LINES} per file (split it by period).`,
      );
    }
    const first = statements[0];
    if (first === undefined) throw new UnreadableStatementError(`${kind}: the file holds no statement.`);
    const response: ParseStatementResponse = { format: first.format, statements };
    return this.validateResponses ? checked(response) : response;
  }
}

function checked(response: ParseStatementResponse): ParseStatementResponse {
  const parsed = ParseStatementResponseSchema.safeParse(response);
  if (!parsed.success) throw new ResponseContractError(`statement reply breaks the contract: ${parsed.error.message}`);
  return parsed.data;
}
