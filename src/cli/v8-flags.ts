import v8 from 'node:v8';

/**
 * V8's concurrent marking off, set before the program is loaded (bin/tariff.js imports this, then the program),
 * while no marking can be under way. On a machine of 2 cores, one `calc` of a million lines in three fell into a mode where
 * the marking thread competes with the main one and every young collection promotes about 1 MB: 33 full collections
 * instead of 2, a third more CPU, 9.4-11 s instead of 7.7-8.4 s, 147 MB instead of 137 MB. With it off (marking done
 * in small steps on the main thread), 16 runs of 16 stayed in the good mode (README, Performance). Set later, once a
 * marking may be under way, such flags can abort the process: this module must stay the first that bin/tariff.js
 * imports.
 */
v8.setFlagsFromString('--no-concurrent-marking');
