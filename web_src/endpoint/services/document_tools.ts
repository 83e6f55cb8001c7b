// The server programs the bill reader runs: Debian's poppler-utils (pdfinfo, pdftotext, pdfdetach, pdftoppm) and
// tesseract-ocr. Always through execFile (no shell, so no file name or option is ever interpreted), each with a
// timeout and an output cap; a missing program is reported as such (ToolMissingError), never as a bad document.
// Nothing here looks at what the output means: the engine (web_src/engine/bills) reads it.
import { execFile } from "node:child_process";

/** The program is not installed on this server (ENOENT). */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed on the endpoint's server`);
  }
}

/** The program ran and failed (non-zero exit, timeout, output too large); `stderr` says why. */
export class ToolFailedError extends Error {
  constructor(
    readonly tool: string,
    readonly stderr: string,
    readonly timedOut: boolean,
  ) {
    super(`${tool} failed${timedOut ? " (timed out)" : ""}: ${stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300)}`);
  }
}

export interface ToolResult {
  stdout: string;
  stderr: string;
}

export interface ToolRunner {
  run(tool: string, args: readonly string[], options?: { timeoutMs?: number; maxBytes?: number; cwd?: string }): Promise<ToolResult>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export const systemTools: ToolRunner = {
  run(tool, args, options = {}) {
    return new Promise((resolve, reject) => {
      execFile(
        tool,
        [...args],
        {
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
          killSignal: "SIGKILL",
          encoding: "utf8",
          windowsHide: true,
          ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
          // One thread per OCR: the server has other work, and parallel OCR of pages is decided by the caller.
          env: { ...process.env, OMP_THREAD_LIMIT: "1", LC_ALL: "C.UTF-8" },
        },
        (error, stdout, stderr) => {
          if (error === null) {
            resolve({ stdout, stderr });
            return;
          }
          if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            reject(new ToolMissingError(tool));
            return;
          }
          reject(new ToolFailedError(tool, `${stderr}${error.message.includes("maxBuffer") ? " (output too large)" : ""}`, error.killed === true));
        },
      );
    });
  },
};

/** Whether `tool` runs here (`tool --version` or `-v`). */
export async function toolAvailable(runner: ToolRunner, tool: string, versionFlag = "--version"): Promise<boolean> {
  try {
    await runner.run(tool, [versionFlag], { timeoutMs: 10_000 });
    return true;
  } catch (error) {
    if (error instanceof ToolMissingError) return false;
    // Ran but complained about the flag (old pdfinfo prints its version on -v and exits 99): it is there.
    return error instanceof ToolFailedError && !error.timedOut;
  }
}
