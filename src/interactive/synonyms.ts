/**
 * Everyday names of goods that the HTSUS words differently ("laptop" is a "portable automatic data processing
 * machine"): the code prefixes offered first for them. Words, not rates: a name maps to where to look.
 */
export const SYNONYMS: [string, string[]][] = [
  ['laptop', ['847130']], ['notebook computer', ['847130']], ['computer', ['8471']],
  ['smartphone', ['851713']], ['cell phone', ['851713']], ['mobile phone', ['851713']], ['phone', ['851713', '851711']],
  ['soybean', ['1201']], ['soya', ['1201']],
  ['furniture', ['9403', '9401']], ['sofa', ['940161', '940171']], ['couch', ['940161', '940171']], ['chair', ['9401']], ['desk', ['9403']],
  ['lithium batter', ['850760']], ['lithium ion batter', ['850760']], ['batter', ['8507', '8506']],
  ['television', ['852872']], ['tv', ['852872']], ['solar panel', ['854143']], ['solar cell', ['854142', '854143']],
  ['t-shirt', ['6109']], ['tshirt', ['6109']], ['sneaker', ['6404']], ['shoe', ['6403', '6404', '6402']], ['footwear', ['6403', '6404', '6402']],
  ['toy', ['9503']], ['bicycle', ['8712']], ['e-bike', ['871160']], ['ebike', ['871160']], ['car', ['8703']],
];
