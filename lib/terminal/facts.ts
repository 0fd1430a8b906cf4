/** What is stored with an interactive run besides its output: its limits, and what its input was. */
export interface TerminalFacts {
  /** A pseudo-terminal (the playground: output is the transcript) or plain pipes (the WebSocket APIs). */
  tty: boolean;
  /** The idle limit (no output and no input) and the session limit that applied, in ms. */
  idleMs: number;
  sessionMs: number;
  /** The most input the run could receive, in bytes. */
  inputCapBytes: number;
  /** Input received, in bytes (the Input box's text included). */
  inputBytes: number;
  /** Whether the input was ended (Ctrl-D at a terminal, an end-of-input message). */
  inputEnded: boolean;
}
