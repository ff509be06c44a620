/**
 * The small points of daily use: lookup of a code with lines under it, tariff search, shell completion, and the
 * README's scenario example run as written (on a date the scenario applies).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, runJson } from './run.js';

describe('lookup of a code with lines under it', () => {
  it('9403.60 says which lines carry which duties, not one total for all', () => {
    const r = run(['lookup', '940360', '--date', '2025-04-15']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('(for 9403.60 as a whole: its lines carry different duties, below)');
    expect(r.stdout).toContain('The lines under 9403.60 (total ad valorem; give the 10-digit code in a bill):');
    // bent-wood furniture 9403.60.40.00: MFN Free + fentanyl 20% + reciprocal 125% + List 3 25% = 170%
    expect(r.stdout).toMatch(/9403\.60\.40\.00\s+170%\s+Bent-wood furniture\n\s+MFN Free \+ IEEPA fentanyl 20% \+ IEEPA reciprocal 125% \+ Section 301 25%/);
  });

  it('8471.30, not a line itself, lists the lines under it with their duties', () => {
    const r = runJson(['lookup', '8471.30', '--date', '2025-04-15', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    // the laptop line: MFN Free + fentanyl 20% (Annex II: no reciprocal) = 20%
    expect(r.json.linesUnder).toEqual([expect.objectContaining({ code: '8471.30.01.00', mfn: 'Free', totalAdValorem: '20%', measures: ['IEEPA fentanyl 20%'] })]);
    const table = run(['lookup', '8471.30', '--date', '2025-04-15']);
    expect(table.stdout).toMatch(/^8471\.30 is not a line itself; the lines under it/);
  });
});

describe('tariff search', () => {
  it.each([
    ['laptop', /^8471\.30\.01\.00 /],
    ['soybeans', /^1201\.\d\d\.\d\d\.\d\d /],
    ['furniture', /^94\d\d\.\d\d\.\d\d\.\d\d /],
    ['lithium batteries', /^8507\.60\.00\.\d\d /],
  ])('"%s" finds its lines first, at 10 digits', (words, first) => {
    const r = run(['search', ...words.split(' ')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(first);
  });

  it('JSON, and nothing found said on stderr', () => {
    const r = runJson(['search', '8517.13', '--format', 'json']);
    expect(r.json.lines[0]).toMatchObject({ code: '8517130000' });
    const none = run(['search', 'zzzzqx']);
    expect([none.status, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toContain('no line of the HTSUS matches "zzzzqx"');
  });
});

describe('tariff completion', () => {
  it('bash: completes commands and options in a real bash', () => {
    const script = run(['completion', 'bash']).stdout;
    const probe = `${script}\nCOMP_WORDS=(tariff lo); COMP_CWORD=1; _tariff; echo "\${COMPREPLY[@]}"\nCOMP_WORDS=(tariff calc --fail-over-a); COMP_CWORD=2; _tariff; echo "\${COMPREPLY[@]}"\nCOMP_WORDS=(tariff calc --format n); COMP_CWORD=3; _tariff; echo "\${COMPREPLY[@]}"\n`;
    const r = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['lookup', '--fail-over-amount', 'ndjson']);
  });

  it('zsh gets the same through bashcompinit; another shell is a usage error', () => {
    expect(run(['completion', 'zsh']).stdout).toMatch(/^autoload -U \+X bashcompinit && bashcompinit\n/);
    const r = run(['completion', 'fish']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('completion "fish": expected bash or zsh');
  });
});

describe("the README's scenario example", () => {
  it('runs as written, on a date the scenario applies: List 3 at 50% adds 25% of 10,000.00', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\\\n\s*/g, '');
    const line = readme.split('\n').find((l) => /^\$ tariff compare .*--scenario examples\/scenarios\/us-301-list3-50\.json/.test(l))!;
    const args = line.replace(/#.*$/, '').trim().split(/\s+/).slice(2);
    const r = runJson([...args, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const last = r.json.changes.at(-1);
    expect(last).toMatchObject({ side: 'US', duty: '2500.00', byProgram: { 'Section 301': '2500.00' } });
  });
});
