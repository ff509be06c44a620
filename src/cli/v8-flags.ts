import v8 from 'node:v8';

/**
 * V8's concurrent marking off, set before anything else is loaded (bin/tariff.js imports this first), while no
 * marking can be under way. On a machine of 2 cores, one `calc` of a million lines in three fell into a mode where
 * the marking thread competes with the main one and every young collection promotes about 1 MB: 33 full collections
 * instead of 2, a third more CPU, 9.4-11 s instead of 7.7-8.4 s, 147 MB instead of 137 MB. With it off (marking done
 * in small steps on the main thread), 10 runs of 10 stayed in the good mode (README, Performance). Only a flag set at
 * start-up does this: a command's own `node --no-concurrent-marking` would do the same.
 */
v8.setFlagsFromString('--no-concurrent-marking');
