// Our own list of places that no open gazetteer here has: world regions, oceans and the seas
// news names most, and the historical, disputed and colloquial regions that news names. Coordinates
// are representative points (GeoNames' for continents; a central point of the usual
// extent otherwise). `bbox` [west, south, east, north] gives a rough representative
// outline; `wofDistricts` builds the outline from Who's On First district polygons.

export interface CuratedPlace {
  name: string;
  names?: string[];
  /** Our region, ocean and sea codes, or GeoNames' physical ones (STRT strait, PEN peninsula, MTS range, MT mountain). */
  fcode: 'RGN' | 'OCN' | 'SEA' | 'STRT' | 'PEN' | 'MTS' | 'MT';
  country?: string;
  lat: number;
  lon: number;
  bbox?: [number, number, number, number];
  wofDistricts?: string[];
  population?: number;
}

export const CURATED_PLACES: CuratedPlace[] = [
  // World regions.
  { name: 'Americas', names: ['The Americas'], fcode: 'RGN', lat: 15, lon: -85, bbox: [-170, -56, -34, 72] },
  { name: 'Latin America', fcode: 'RGN', lat: -4, lon: -65, bbox: [-118, -56, -34, 32] },
  { name: 'Central America', fcode: 'RGN', lat: 13, lon: -86, bbox: [-92.3, 7.2, -77.2, 18.5] },
  { name: 'Caribbean', names: ['the Caribbean'], fcode: 'RGN', lat: 15, lon: -75, bbox: [-85, 10, -59, 27] },
  { name: 'Middle East', names: ['Mideast', 'Near East'], fcode: 'RGN', lat: 29, lon: 41, bbox: [25, 12, 63, 42] },
  { name: 'Southeast Asia', names: ['South-East Asia', 'South East Asia'], fcode: 'RGN', lat: 6, lon: 112, bbox: [92, -11, 141, 28.5] },
  { name: 'South Asia', fcode: 'RGN', lat: 22, lon: 79, bbox: [60.5, 5.5, 97.5, 37] },
  { name: 'East Asia', fcode: 'RGN', lat: 35, lon: 115, bbox: [73, 18, 146, 54] },
  { name: 'Central Asia', fcode: 'RGN', lat: 44, lon: 66, bbox: [46.5, 35, 87, 55.5] },
  { name: 'North Africa', fcode: 'RGN', lat: 27, lon: 12, bbox: [-17, 15, 37, 37.5] },
  { name: 'West Africa', fcode: 'RGN', lat: 12, lon: -2, bbox: [-17.5, 4, 16, 25] },
  { name: 'East Africa', fcode: 'RGN', lat: -2, lon: 36, bbox: [28.8, -12, 51.5, 18] },
  { name: 'Southern Africa', fcode: 'RGN', lat: -24, lon: 25, bbox: [11.5, -35, 41, -8] },
  { name: 'Sub-Saharan Africa', fcode: 'RGN', lat: 0, lon: 20, bbox: [-17.5, -35, 51.5, 18] },
  { name: 'Horn of Africa', fcode: 'RGN', lat: 8, lon: 45, bbox: [33, -2, 51.5, 18] },
  { name: 'Sahel', names: ['the Sahel'], fcode: 'RGN', lat: 15, lon: 5, bbox: [-17, 11, 39, 18] },
  { name: 'Sahara', fcode: 'RGN', lat: 23, lon: 13, bbox: [-17, 16, 37, 33] },
  { name: 'Western Europe', fcode: 'RGN', lat: 48, lon: 4, bbox: [-10.5, 42, 16, 58] },
  { name: 'Eastern Europe', fcode: 'RGN', lat: 50, lon: 30, bbox: [14, 41, 50, 60] },
  { name: 'Central Europe', fcode: 'RGN', lat: 49, lon: 15, bbox: [5.9, 45.5, 24.2, 55] },
  { name: 'Northern Europe', fcode: 'RGN', lat: 60, lon: 15, bbox: [-25, 51, 32, 71.2] },
  { name: 'Southern Europe', fcode: 'RGN', lat: 41, lon: 15, bbox: [-9.5, 34.8, 30, 46.5] },
  { name: 'Eastern Mediterranean', fcode: 'RGN', lat: 34, lon: 33, bbox: [22, 29.5, 36.5, 41] },
  { name: 'Scandinavia', fcode: 'RGN', lat: 63, lon: 15, bbox: [4.5, 55, 31, 71.2] },
  { name: 'Balkans', names: ['the Balkans'], fcode: 'RGN', lat: 43, lon: 21, bbox: [13.5, 36.4, 29.7, 46.9] },
  { name: 'Caucasus', names: ['the Caucasus', 'Caucasia'], fcode: 'RGN', lat: 42.5, lon: 44.5, bbox: [37, 38.3, 50.5, 45.5] },
  { name: 'South Caucasus', names: ['Transcaucasia'], fcode: 'RGN', lat: 41, lon: 45.5, bbox: [40, 38.3, 50.5, 43.6] },
  { name: 'Siberia', fcode: 'RGN', country: 'RU', lat: 60, lon: 105, bbox: [60, 45, 180, 77] },
  { name: 'Patagonia', fcode: 'RGN', lat: -45, lon: -69, bbox: [-76, -55, -62, -37] },
  { name: 'Arctic', names: ['the Arctic'], fcode: 'RGN', lat: 78, lon: 0, bbox: [-180, 66.5, 180, 90] },
  // The regions of England, as the National Health Service and the news divide it.
  { name: 'West Midlands', fcode: 'RGN', country: 'GB', lat: 52.48, lon: -2.2, bbox: [-3.24, 51.83, -1.17, 53.23] },
  { name: 'East Midlands', fcode: 'RGN', country: 'GB', lat: 52.83, lon: -0.85, bbox: [-2.03, 51.98, 0.36, 53.62] },
  { name: 'North West England', names: ['North West of England'], fcode: 'RGN', country: 'GB', lat: 54, lon: -2.65, bbox: [-3.64, 52.95, -1.9, 55.19] },
  { name: 'North East England', names: ['North East of England'], fcode: 'RGN', country: 'GB', lat: 55, lon: -1.87, bbox: [-2.69, 54.45, -0.79, 55.81] },
  { name: 'South West England', names: ['South West of England'], fcode: 'RGN', country: 'GB', lat: 50.96, lon: -3.22, bbox: [-6.45, 49.86, -1.49, 52.12] },
  { name: 'South East England', names: ['South East of England'], fcode: 'RGN', country: 'GB', lat: 51.3, lon: -0.8, bbox: [-1.96, 50.57, 1.45, 52.2] },
  { name: 'East of England', names: ['East Anglia'], fcode: 'RGN', country: 'GB', lat: 52.24, lon: 0.41, bbox: [-0.75, 51.45, 1.77, 53.0] },
  { name: 'Yorkshire and the Humber', names: ['Yorkshire'], fcode: 'RGN', country: 'GB', lat: 53.96, lon: -1.3, bbox: [-2.57, 53.3, 0.15, 54.57] },
  // Historical countries stand at their capitals, as encyclopaedias place them.
  { name: 'Soviet Union', names: ['USSR', 'U.S.S.R.', 'the Soviet Union'], fcode: 'RGN', lat: 55.75, lon: 37.62, bbox: [19.6, 35.1, -169.0, 81.9] },
  { name: 'Yugoslavia', names: ['former Yugoslavia'], fcode: 'RGN', lat: 44.82, lon: 20.46, bbox: [13.4, 40.8, 23.1, 46.9] },
  { name: 'Czechoslovakia', fcode: 'RGN', lat: 50.09, lon: 14.42, bbox: [12.1, 47.7, 22.6, 51.1] },
  // Historical, disputed and colloquial regions.
  {
    name: 'Karabakh',
    names: ['Qarabağ', 'Garabagh', 'Karabagh', 'Karabakh region', 'Karabakh Economic Region'],
    fcode: 'RGN', country: 'AZ', lat: 39.85, lon: 46.9,
    wofDistricts: ['Xocalı', 'Şuşa', 'Xocavənd', 'Ağdam', 'Füzuli', 'Tərtər', 'Xankəndi', 'Ağcabədi', 'Bərdə', 'Cəbrayıl'],
  },
  {
    name: 'Nagorno-Karabakh',
    names: ['Nagorny Karabakh', 'Nagorno Karabakh', 'Nagorno-Karabagh', 'Upper Karabakh', 'Artsakh', 'Daglig Garabagh', 'Dağlıq Qarabağ'],
    fcode: 'RGN', country: 'AZ', lat: 39.83, lon: 46.77,
    wofDistricts: ['Xocalı', 'Şuşa', 'Xocavənd', 'Xankəndi'],
  },
  { name: 'Crimea', names: ['Crimean Peninsula', 'Krym'], fcode: 'RGN', country: 'UA', lat: 45.3, lon: 34.4, bbox: [32.5, 44.4, 36.7, 46.2] },
  { name: 'Donbas', names: ['Donbass'], fcode: 'RGN', country: 'UA', lat: 48.0, lon: 38.3, bbox: [36.5, 46.8, 40.2, 50.1] },
  { name: 'Kashmir', names: ['Jammu and Kashmir'], fcode: 'RGN', lat: 34.5, lon: 76, bbox: [72.5, 32.3, 80.5, 37.1] },
  { name: 'Gaza Strip', names: ['the Gaza Strip'], fcode: 'RGN', country: 'PS', lat: 31.42, lon: 34.36, bbox: [34.22, 31.22, 34.57, 31.6] },
  { name: 'West Bank', names: ['the West Bank'], fcode: 'RGN', country: 'PS', lat: 31.95, lon: 35.25, bbox: [34.88, 31.34, 35.57, 32.55] },
  { name: 'Golan Heights', fcode: 'RGN', country: 'SY', lat: 33, lon: 35.75, bbox: [35.6, 32.7, 35.9, 33.35] },
  { name: 'Sinai', names: ['Sinai Peninsula'], fcode: 'RGN', country: 'EG', lat: 29.5, lon: 33.8, bbox: [32.3, 27.7, 34.9, 31.3] },
  { name: 'Kurdistan', names: ['Kurdistan Region', 'Iraqi Kurdistan'], fcode: 'RGN', lat: 36.5, lon: 44, bbox: [38, 34, 48.5, 39.5] },
  { name: 'Darfur', fcode: 'RGN', country: 'SD', lat: 13.5, lon: 24, bbox: [22, 9, 27.5, 20] },
  { name: 'Kordofan', names: ['Kordufan'], fcode: 'RGN', country: 'SD', lat: 12.5, lon: 29.5, bbox: [26.9, 9.3, 32.5, 16.7] },
  { name: 'Nuba Mountains', names: ['Nuba Hills'], fcode: 'RGN', country: 'SD', lat: 11.5, lon: 30.5, bbox: [29.3, 10.3, 31.5, 12.5] },
  { name: 'Transnistria', names: ['Pridnestrovie'], fcode: 'RGN', country: 'MD', lat: 47.2, lon: 29.4, bbox: [28.5, 46.5, 30.1, 48.2] },
  { name: 'Abkhazia', fcode: 'RGN', country: 'GE', lat: 43.0, lon: 41.0, bbox: [40, 42.4, 42.2, 43.6] },
  { name: 'South Ossetia', names: ['Tskhinvali Region'], fcode: 'RGN', country: 'GE', lat: 42.3, lon: 44, bbox: [43.4, 42.0, 44.6, 42.7] },
  { name: 'Zangezur', names: ['Zangezur corridor'], fcode: 'RGN', country: 'AM', lat: 39.3, lon: 46.3, bbox: [45.7, 38.8, 46.7, 39.8] },
  { name: 'Ghouta', names: ['the Ghouta', 'Ghuta', 'al-Ghouta'], fcode: 'RGN', country: 'SY', lat: 33.52, lon: 36.38, bbox: [36.1, 33.4, 36.65, 33.65] },
  { name: 'Eastern Ghouta', names: ['East Ghouta', 'eastern Ghouta', 'Eastern Ghuta'], fcode: 'RGN', country: 'SY', lat: 33.55, lon: 36.45, bbox: [36.33, 33.45, 36.65, 33.65] },
  { name: 'Western Ghouta', names: ['West Ghouta', 'western Ghouta'], fcode: 'RGN', country: 'SY', lat: 33.47, lon: 36.2, bbox: [36.1, 33.4, 36.3, 33.55] },
  { name: 'Lachin corridor', fcode: 'RGN', country: 'AZ', lat: 39.6, lon: 46.55, bbox: [46.45, 39.5, 46.75, 39.8] },
  // Seas and oceans that news names as places.
  { name: 'Pacific', names: ['Pacific Ocean', 'the Pacific'], fcode: 'OCN', lat: 0, lon: -160 },
  { name: 'Atlantic', names: ['Atlantic Ocean', 'the Atlantic'], fcode: 'OCN', lat: 0, lon: -30 },
  { name: 'Indian Ocean', fcode: 'OCN', lat: -20, lon: 80 },
  { name: 'Mediterranean', names: ['Mediterranean Sea', 'the Mediterranean'], fcode: 'SEA', lat: 35, lon: 18 },
  { name: 'Caspian Sea', names: ['Caspian'], fcode: 'SEA', lat: 41.5, lon: 50.5 },
  { name: 'Black Sea', fcode: 'SEA', lat: 43.5, lon: 34.5 },
  { name: 'Red Sea', fcode: 'SEA', lat: 20, lon: 38.5 },
  { name: 'Persian Gulf', names: ['the Gulf', 'Arabian Gulf'], fcode: 'SEA', lat: 27, lon: 51 },
  { name: 'South China Sea', fcode: 'SEA', lat: 12, lon: 114 },
  { name: 'Gulf of Mexico', fcode: 'SEA', lat: 25, lon: -90 },
  { name: 'Baltic Sea', names: ['the Baltic'], fcode: 'SEA', lat: 58, lon: 20 },
  { name: 'North Sea', fcode: 'SEA', lat: 56, lon: 3 },
  // Straits, peninsulas and ranges the news names that Natural Earth's 1:10m layers lack.
  { name: 'Strait of Hormuz', names: ['Hormuz Strait', 'Straits of Hormuz'], fcode: 'STRT', lat: 26.57, lon: 56.25, bbox: [55.8, 25.9, 57.2, 27.1] },
  { name: 'Bosphorus', names: ['Bosporus', 'Istanbul Strait'], fcode: 'STRT', country: 'TR', lat: 41.12, lon: 29.07, bbox: [28.97, 41.0, 29.17, 41.25] },
  { name: 'Kerch Strait', names: ['Strait of Kerch'], fcode: 'STRT', lat: 45.28, lon: 36.52, bbox: [36.3, 44.9, 36.8, 45.5] },
  { name: 'Bering Strait', fcode: 'STRT', lat: 65.75, lon: -168.75, bbox: [-170, 65, -167, 66.5] },
  { name: 'Iberian Peninsula', names: ['Iberia'], fcode: 'PEN', lat: 40, lon: -4, bbox: [-9.5, 36, 3.3, 43.8] },
  { name: 'Korean Peninsula', fcode: 'PEN', lat: 37.5, lon: 127.5, bbox: [124.6, 33.1, 130.9, 43] },
  { name: 'Ural Mountains', names: ['Urals', 'the Urals'], fcode: 'MTS', country: 'RU', lat: 60, lon: 59.5, bbox: [56, 47, 66, 68.5] },
  { name: 'Mount Fuji', names: ['Fuji', 'Fujisan'], fcode: 'MT', country: 'JP', lat: 35.36, lon: 138.73 },
  { name: 'Great Lakes', names: ['the Great Lakes'], fcode: 'RGN', lat: 45.5, lon: -84, bbox: [-92.2, 41.3, -76, 49] },
  { name: 'Levant', names: ['the Levant'], fcode: 'RGN', lat: 33.5, lon: 36, bbox: [33.5, 29.5, 40.5, 37.5] },
  { name: 'Maghreb', names: ['the Maghreb', 'Maghrib'], fcode: 'RGN', lat: 31, lon: 2, bbox: [-17.1, 19, 11.6, 37.3] },
];

/** Names news uses for countries that neither GeoNames' country names nor world-countries list. */
export const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'US', 'USA', 'America', 'United States of America', 'the States'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  CD: ['DRC', 'DR Congo', 'D.R. Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Congo-Kinshasa', 'Zaire'],
  CG: ['Congo-Brazzaville', 'Republic of the Congo', 'Republic of Congo', 'Congo Republic'],
  CN: ['PRC', "People's Republic of China", 'Mainland China'],
  KR: ['South Korea', 'Republic of Korea', 'ROK'],
  KP: ['North Korea', 'DPRK'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  MM: ['Burma'],
  CZ: ['Czech Republic', 'Czechia'],
  NL: ['Holland', 'the Netherlands'],
  RU: ['Russian Federation'],
  TR: ['Türkiye', 'Turkiye'],
  PS: ['Palestine', 'Palestinian Territories', 'Palestinian territories'],
  MK: ['Macedonia', 'North Macedonia'],
  SZ: ['Swaziland', 'Eswatini'],
  TL: ['East Timor', 'Timor-Leste'],
  CV: ['Cape Verde'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  LA: ['Laos'],
  SY: ['Syria'],
  IR: ['Iran'],
  VN: ['Vietnam', 'Viet Nam'],
  GM: ['Gambia', 'The Gambia'],
  BS: ['Bahamas', 'The Bahamas'],
  FM: ['Micronesia'],
};
