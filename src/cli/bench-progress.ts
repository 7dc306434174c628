// Progress lines of the `hpmoe bench` commands, on stderr.

import type { CommandIO } from "./subcommand.js";

/** Output streams plus whether stderr is a terminal (progress then redraws one line). */
export interface BenchIO extends CommandIO {
  readonly errIsTTY: boolean;
}

/**
 * Progress on stderr: on a terminal one line redrawn at most 5 times a
 * second; otherwise a plain line every `intervalS` seconds (0: every report).
 */
export class BenchProgress {
  private last = performance.now();
  private shown = false;

  constructor(
    private readonly tool: string,
    private readonly io: BenchIO,
    private readonly intervalS: number,
  ) {}

  report(text: string): void {
    const now = performance.now();
    if (this.io.errIsTTY) {
      if (now - this.last < 200) return;
      this.io.err(`\r\x1b[K${text}`);
      this.shown = true;
    } else {
      if (now - this.last < this.intervalS * 1000) return;
      this.io.err(`${this.tool}: ${text}\n`);
    }
    this.last = now;
  }

  /** Erases the terminal line before a table row goes out. */
  clear(): void {
    if (this.shown) this.io.err("\r\x1b[K");
    this.shown = false;
  }
}
