/** ISO 4217 currency codes in use (active list). */
const CURRENCIES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP
CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR
ZMW ZWL`.split(/\s+/);

/** ISO 3166-1 alpha-2 country codes. */
const COUNTRIES = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC
CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG
GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR
SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`.split(/\s+/);

const currencySet = new Set(CURRENCIES);
const countrySet = new Set(COUNTRIES);

export const isCurrency = (code: string): boolean => currencySet.has(code);
export const isCountry = (code: string): boolean => countrySet.has(code);

/** Country names as invoices write them ("China", "P.R.C.", "United States"), keyed without spaces, dots or case. */
const COUNTRY_NAMES: Record<string, string> = {
  china: 'CN', prc: 'CN', peoplesrepublicofchina: 'CN', chinamainland: 'CN', mainlandchina: 'CN',
  unitedstates: 'US', unitedstatesofamerica: 'US', usa: 'US',
  hongkong: 'HK', hongkongchina: 'HK', macau: 'MO', macao: 'MO', taiwan: 'TW',
  vietnam: 'VN', mexico: 'MX', canada: 'CA', japan: 'JP', southkorea: 'KR', korea: 'KR', republicofkorea: 'KR',
  india: 'IN', thailand: 'TH', malaysia: 'MY', indonesia: 'ID', cambodia: 'KH', bangladesh: 'BD', germany: 'DE',
  unitedkingdom: 'GB', uk: 'GB', italy: 'IT', france: 'FR', philippines: 'PH', singapore: 'SG',
};

/** An ISO 3166 code from a cell: the code itself (any case), or a country name as invoices write it. */
export function countryCode(text: string): string {
  const upper = text.trim().toUpperCase();
  if (isCountry(upper)) return upper;
  return COUNTRY_NAMES[text.toLowerCase().replace(/[\s.'’_-]/g, '')] ?? upper;
}
