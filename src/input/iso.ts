import { isCountry } from '../core/iso.js';
/** ISO 4217 currency codes in use (active list). */
const CURRENCIES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP
CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR
ZMW ZWL`.split(/\s+/);

const currencySet = new Set(CURRENCIES);

export const isCurrency = (code: string): boolean => currencySet.has(code);
export { isCountry };

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
