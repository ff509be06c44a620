import type { Command } from 'commander';
import { EXIT } from './errors.js';
import { write } from './io.js';
import { usage } from './options.js';

/** Each command (and `rates` subcommand) with its options, read from the commander declaration itself. */
function commandWords(program: Command): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, cmd: Command) => out.set(name, [...cmd.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => Boolean(f)), '--help']);
  for (const cmd of program.commands) {
    add(cmd.name(), cmd);
    for (const sub of cmd.commands) add(`${cmd.name()} ${sub.name()}`, sub);
  }
  return out;
}

/** A completion script for bash or zsh (zsh through bashcompinit): commands, subcommands, options and their choices. */
export function completionScript(shell: string, program: Command): string {
  const words = commandWords(program);
  const top = program.commands.map((c) => c.name()).join(' ');
  const cases = [...words].map(([name, opts]) => {
    const subs = program.commands.find((c) => c.name() === name)?.commands.map((c) => c.name()) ?? [];
    return `    "${name}") opts="${[...subs, ...opts].join(' ')}" ;;`;
  }).join('\n');
  const bash = `# tariff completion (${shell}): eval "$(tariff completion ${shell})"
_tariff() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$cmd" = rates ] && [ "$COMP_CWORD" -gt 2 ]; then cmd="rates \${COMP_WORDS[2]}"; fi
  case "$prev" in
    --format) COMPREPLY=( $(compgen -W "table csv json ndjson 7501" -- "$cur") ); return ;;
    --into) COMPREPLY=( $(compgen -W "US CN" -- "$cur") ); return ;;
    --mode) COMPREPLY=( $(compgen -W "ocean air truck rail postal" -- "$cur") ); return ;;
    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return ;;
    --scenario|--rates) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=( $(compgen -W "${top} --help --version" -- "$cur") ); return; fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); else COMPREPLY=( $(compgen -f -W "$opts" -- "$cur") ); fi
}
complete -o filenames -F _tariff tariff
`;
  return shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

/** `tariff completion bash|zsh`. */
export async function runCompletion(shell: string, program: Command): Promise<number> {
  if (shell !== 'bash' && shell !== 'zsh') usage(`completion "${shell}": expected bash or zsh`);
  write(completionScript(shell, program));
  return EXIT.ok;
}
