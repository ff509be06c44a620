import type { Prompts } from './port.js';

/** The real prompts: @inquirer/prompts, loaded only for the guided mode, writing to standard error. */
export async function inquirerPrompts(): Promise<Prompts> {
  const { select, input, search, checkbox } = await import('@inquirer/prompts');
  const context = { output: process.stderr };
  return {
    select: (o) => select({ message: o.message, choices: o.choices, ...(o.default !== undefined ? { default: o.default } : {}), pageSize: 12 }, context),
    input: (o) => input({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}), ...(o.validate ? { validate: o.validate } : {}) }, context),
    search: (o) => search({ message: o.message, source: (term) => o.source(term), pageSize: 12 }, context),
    checkbox: (o) => checkbox({ message: o.message, choices: o.choices }, context),
    show: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}
