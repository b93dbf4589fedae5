/**
 * Gazette's own small gazetteer: countries with their other names and nationality
 * adjectives, cities the NLP lexicon lacks, and organisations news names every day. The
 * NLP lexicon (compromise) covers common first names, many cities and companies; this
 * file covers what it gets wrong or misses for news, and gives each a canonical name.
 */

/** "Canonical|alias,alias|demonym,demonym" — one line per country or region. */
const countryLines = `
Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani
Bahrain||Bahraini
Bangladesh||Bangladeshi
Belarus||Belarusian
Belgium||Belgian
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Brazil|Brasil|Brazilian
Bulgaria||Bulgarian
Cambodia||Cambodian
Canada||Canadian
Chile||Chilean
China|PRC|Chinese
Colombia||Colombian
Croatia||Croatian
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish
Egypt||Egyptian
Estonia||Estonian
Ethiopia||Ethiopian
Finland||Finnish
France||French
Georgia||Georgian
Germany|Deutschland|German
Ghana||Ghanaian
Greece||Greek
Hungary||Hungarian
Iceland||Icelandic
India||Indian
Indonesia||Indonesian
Iran||Iranian
Iraq||Iraqi
Ireland||Irish
Israel||Israeli
Italy||Italian
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh
Kenya||Kenyan
Kuwait||Kuwaiti
Latvia||Latvian
Lebanon||Lebanese
Libya||Libyan
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Malaysia||Malaysian
Mexico||Mexican
Moldova||Moldovan
Morocco||Moroccan
Netherlands|Holland,the Netherlands|Dutch
New Zealand||
Nigeria||Nigerian
North Korea|DPRK|North Korean
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine|Palestinian Territories|Palestinian
Peru||Peruvian
Philippines|the Philippines|Filipino,Philippine
Poland||Polish
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Saudi Arabia||Saudi
Serbia||Serbian
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian
South Africa||South African
South Korea|Korea,Republic of Korea|South Korean,Korean
Spain||Spanish
Sri Lanka||Sri Lankan
Sudan||Sudanese
Sweden||Swedish
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Thailand||Thai
Tunisia||Tunisian
Turkey|Türkiye|Turkish
Ukraine||Ukrainian
United Arab Emirates|UAE|Emirati
United Kingdom|UK,U.K.,Britain,Great Britain|British
United States|US,U.S.,USA,U.S.A.,America,United States of America|American
Venezuela||Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni
Europe||European
Africa||African
Asia||Asian
Middle East||Middle Eastern
Gaza|Gaza Strip|Gazan
Crimea||Crimean
Donbas|Donbass|
`;

/** Cities and regions news often names that the NLP lexicon does not know. */
const extraPlaces = `Wiesbaden Brussels Geneva Kyiv Kiev Kharkiv Odesa Odessa Lviv Davos Strasbourg Luxembourg
The_Hague Frankfurt Munich Hamburg Cologne Stuttgart Düsseldorf Rotterdam Antwerp Gdansk Krakow Warsaw Vilnius Riga
Tallinn Helsinki Oslo Stockholm Copenhagen Reykjavik Lisbon Madrid Barcelona Milan Turin Naples Vienna Prague Budapest
Bucharest Sofia Belgrade Zagreb Athens Ankara Istanbul Tehran Baghdad Damascus Beirut Amman Riyadh Jeddah Doha
Dubai Abu_Dhabi Muscat Cairo Tripoli Tunis Algiers Rabat Casablanca Lagos Abuja Nairobi Addis_Ababa Johannesburg
Cape_Town Kabul Islamabad Karachi Lahore Mumbai Delhi New_Delhi Bengaluru Kolkata Chennai Dhaka Colombo Bangkok
Hanoi Jakarta Manila Kuala_Lumpur Beijing Shanghai Shenzhen Hong_Kong Taipei Seoul Pyongyang Tokyo Osaka Sydney
Melbourne Wellington Ottawa Toronto Montreal Vancouver Washington New_York Los_Angeles Chicago Houston Boston
San_Francisco Silicon_Valley Wall_Street Mexico_City Brasilia Sao_Paulo Rio_de_Janeiro Buenos_Aires Santiago Lima
Bogota Caracas Havana Minsk Tbilisi Yerevan Baku Almaty Astana Moscow St_Petersburg Kursk Belgorod Donetsk Luhansk
Zaporizhzhia Kherson Mariupol Bakhmut Sevastopol Jerusalem Tel_Aviv West_Bank Rafah Khan_Younis London Paris Berlin
Rome Dublin Edinburgh Manchester Birmingham Glasgow Cardiff Belfast Bavaria Scotland Wales England Texas California
Florida`;

/** "Canonical|alias,alias" — organisations named often enough to deserve a fixed name. */
const organisationLines = `
NATO|North Atlantic Treaty Organization,Nato
Kremlin|
European Union|EU
European Commission|
European Parliament|
European Central Bank|ECB
United Nations|UN,U.N.
UN Security Council|Security Council
World Health Organization|WHO
World Bank|
International Monetary Fund|IMF
World Trade Organization|WTO
OPEC|OPEC+
Federal Reserve|Fed,US Federal Reserve
Bank of England|
Bank of Japan|BoJ
White House|
Pentagon|
State Department|
Congress|US Congress
Senate|US Senate
Bundestag|
Bundesbank|
Downing Street|
Elysee|Élysée,Elysee Palace,Élysée Palace
G7|Group of Seven
G20|Group of 20
African Union|
ASEAN|
Hamas|
Hezbollah|
Taliban|
Reuters|
Associated Press|AP
Agence France-Presse|AFP
Bloomberg|
MENAFN|
Apple|Apple Inc
Microsoft|
Google|Alphabet
Amazon|
Meta|Meta Platforms,Facebook
Tesla|
Nvidia|
OpenAI|
Samsung|Samsung Electronics
Toyota|
Volkswagen|
Siemens|
Airbus|
Boeing|
Shell|
BP|
Saudi Aramco|Aramco
Gazprom|
Rosneft|
Pfizer|
Moderna|
SpaceX|
NASA|
European Space Agency|ESA
FIFA|
UEFA|
International Olympic Committee|IOC
Interpol|
Europol|
Amnesty International|
Human Rights Watch|
Red Cross|International Committee of the Red Cross,ICRC
`;

const places = new Map<string, string>();
const demonyms = new Map<string, string>();
const organisations = new Map<string, string>();

for (const line of countryLines.trim().split('\n')) {
  const [name = '', aliases = '', adjectives = ''] = line.split('|');
  places.set(name.toLowerCase(), name);
  for (const a of aliases.split(',').filter(Boolean)) places.set(a.toLowerCase(), name);
  for (const d of adjectives.split(',').filter(Boolean)) demonyms.set(d.toLowerCase(), name);
}
for (const word of extraPlaces.split(/\s+/).filter(Boolean)) {
  const name = word.replace(/_/g, ' ');
  places.set(name.toLowerCase(), name);
}
places.set('kiev', 'Kyiv');
places.set('odessa', 'Odesa');
for (const line of organisationLines.trim().split('\n')) {
  const [name = '', aliases = ''] = line.split('|');
  organisations.set(name.toLowerCase(), name);
  for (const a of aliases.split(',').filter(Boolean)) organisations.set(a.toLowerCase(), name);
}

/** The canonical name of a place the gazetteer knows ("U.S." → "United States"). */
export function knownPlace(name: string): string | undefined {
  return places.get(name.toLowerCase());
}

/** The place a nationality adjective belongs to ("German" → "Germany"). */
export function placeOfDemonym(word: string): string | undefined {
  return demonyms.get(word.toLowerCase());
}

/** The canonical name of an organisation the gazetteer knows ("EU" → "European Union"). */
export function knownOrganisation(name: string): string | undefined {
  return organisations.get(name.toLowerCase());
}

/** Words that make up titles and honorifics: kept as roles, never as names. */
const titleWords = new Set(
  `president vice prime minister chancellor secretary general foreign defence defense finance interior economy trade
  health energy justice state chief executive ceo cfo coo cto chairman chairwoman chair director managing spokesman
  spokeswoman spokesperson senator governor mayor king queen prince princess pope mr mrs ms miss dr prof professor sir
  dame lord lady judge deputy acting former leader head coach captain manager founder co-founder ambassador envoy
  commissioner lieutenant colonel commander admiral major sergeant sheikh emir crown premier officer minister
  representative rep sen gov economist analyst striker midfielder goalkeeper defender forward president-elect
  chancellor-elect opposition general-secretary secretary-general high special attorney supreme first lady
  bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin ministerpräsident außenminister président
  présidente ministre presidente ministro primer premier-ministre director-general detective inspector superintendent
  constable chair chairperson administrator`
    .split(/\s+/)
    .filter(Boolean),
);

/** True for a word that belongs to a title ("Secretary", "General", "Chancellor", "Mr"). */
export function isTitleWord(word: string): boolean {
  return titleWords.has(word.toLowerCase().replace(/\.$/, ''));
}

/** Last words that mark an organisation ("… Bank", "… Inc", "… Ministry"). */
const organisationSuffixes = new Set(
  `inc inc. corp corporation ltd llc plc group bank ministry agency council university association party commission
  committee fund company co institute foundation authority court parliament army police airlines airways motors
  technologies labs holdings partners capital union federation league club service office department organisation
  organization network news times post energy systems ag se sa gmbh nv bv exchange board assembly reserve forces
  institution alliance coalition secretariat tribunal press journal media broadcasting pharmaceuticals therapeutics`
    .split(/\s+/)
    .filter(Boolean),
);

/** First words that mark an organisation ("Ministry of …", "University of …"). */
const organisationHeads = new Set(['ministry', 'university', 'bank', 'department', 'office', 'institute', 'council', 'court', 'house', 'agency', 'centre', 'center', 'commission']);

/** True when a capitalised name's shape says it is an organisation. */
export function looksLikeOrganisation(words: string[]): boolean {
  const lastWord = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && organisationSuffixes.has(lastWord)) return true;
  return words.length > 2 && organisationHeads.has(words[0]!.toLowerCase()) && (words[1] === 'of' || words[1] === 'for');
}

/** Upper-case abbreviations that are not organisations. */
export const notOrganisationAcronyms = new Set(
  'AI CEO CFO COO CTO GDP CAGR USD EUR GBP JPY CNY IPO ETF COVID TV PM AM UTC GMT EV EVS API PDF CEST CET EST PST II III IV OK ID VAT CPI PMI ESG IT HR PR Q1 Q2 Q3 Q4 FY MW GW KW KM UK US USA EU UN'.split(' '),
);
