/** The prompts the guided flow asks through; the real ones are @inquirer/prompts writing to standard error. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export type Validate = (value: string) => true | string;

export interface Prompts {
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  input(options: { message: string; default?: string; validate?: Validate }): Promise<string>;
  search<T>(options: { message: string; source: (term: string | undefined) => Choice<T>[] }): Promise<T>;
  checkbox<T>(options: { message: string; choices: (Choice<T> & { checked?: boolean })[] }): Promise<T[]>;
  /** where the flow shows its tables and messages (standard error in the CLI) */
  show(text: string): void;
}

/** Thrown by a prompt when the user presses Ctrl+C. */
export function isInterrupt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}
