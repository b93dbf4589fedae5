/**
 * The rules behind categorisation: provider terms and IPTC codes mapped to Gazette's
 * taxonomy, and the keywords that assign a category from the text when the provider
 * declared none. Edit here and run `gazette reprocess` to apply the change to stored stories.
 */

/** Provider terms (lower case) that mean one of our categories. */
export const categorySynonyms: Record<string, string> = {
  'world news': 'world', international: 'world', 'foreign affairs': 'world', global: 'world', europe: 'world',
  asia: 'world', africa: 'world', 'middle east': 'world', americas: 'world', 'u.s.': 'world', us: 'world',
  government: 'politics', elections: 'politics', election: 'politics', policy: 'politics', diplomacy: 'politics',
  war: 'conflict', defence: 'conflict', defense: 'conflict', military: 'conflict', security: 'conflict', conflicts: 'conflict',
  finance: 'business', companies: 'business', corporate: 'business', industry: 'business', 'business news': 'business',
  economics: 'economy', macro: 'economy', 'stock market': 'markets', stocks: 'markets', forex: 'markets',
  commodities: 'markets', bonds: 'markets', 'cryptocurrency': 'crypto', cryptocurrencies: 'crypto', blockchain: 'crypto',
  bitcoin: 'crypto', web3: 'crypto', oil: 'energy', 'oil & gas': 'energy', renewables: 'energy', 'market reports': 'market-research',
  research: 'market-research', tech: 'technology', 'science & technology': 'technology', 'sci-tech': 'technology',
  ai: 'technology', medicine: 'health', 'climate': 'environment', 'climate change': 'environment', crime: 'crime-law',
  law: 'crime-law', justice: 'crime-law', courts: 'crime-law', accidents: 'disasters', disaster: 'disasters',
  arts: 'culture', entertainment: 'culture', 'arts and entertainment': 'culture', travel: 'lifestyle', food: 'lifestyle',
  fashion: 'lifestyle', sports: 'sport', football: 'sport', soccer: 'sport', 'press release': 'press-releases',
  'press-release': 'press-releases', 'pr newswire': 'press-releases', newswire: 'press-releases',
  // Agency schemes in the wild: AP's categories and subjects, Business Wire's keywords, PA Images.
  'political news': 'politics', 'government and politics': 'politics', 'international news': 'world',
  'financial news': 'business', 'sports news': 'sport', 'entertainment news': 'culture',
  'technology news': 'technology', 'science news': 'science', 'health news': 'health', 'military and defense': 'conflict',
  hardware: 'technology', software: 'technology', semiconductor: 'technology', 'consumer electronics': 'technology',
  'data management': 'technology', internet: 'technology', telecommunications: 'technology', nanotechnology: 'technology',
  retail: 'business', manufacturing: 'business', 'restaurant/bar': 'lifestyle', 'food/beverage': 'lifestyle',
  'natural resources': 'energy', 'oil/gas': 'energy', 'alternative energy': 'energy', banking: 'business',
  'professional services': 'business', pharmaceutical: 'health', 'medical devices': 'health',
  // Agencies' own desks and subjects in their languages (German, French, Spanish, Scandinavian).
  politik: 'politics', wirtschaft: 'economy', kultur: 'culture', wissenschaft: 'science', gesundheit: 'health',
  umwelt: 'environment', vermischtes: 'lifestyle', ausland: 'world', politique: 'politics', économie: 'economy',
  société: 'lifestyle', sciences: 'science', santé: 'health', política: 'politics',
  economía: 'economy', deportes: 'sport', cultura: 'culture', internacional: 'world', ciencia: 'science', salud: 'health',
  utrikes: 'world', utenriks: 'world', udland: 'world', ekonomi: 'economy', økonomi: 'economy', politikk: 'politics',
  teknologi: 'technology', teknik: 'technology', industri: 'business', 'olje og energi': 'energy', energi: 'energy',
  idrett: 'sport', idrott: 'sport', helse: 'health', hälsa: 'health', sundhed: 'health', klima: 'environment',
  'krig, konflikter och oroligheter': 'conflict', krim: 'crime-law', brott: 'crime-law', krimi: 'crime-law',
  release: 'press-releases',
};

/**
 * IPTC Subject Codes (and Media Topics that kept their number) finer than the top level,
 * where Gazette has a closer category than the top level's: 04005000 "energy and resource"
 * is energy, not business.
 */
export const iptcDetail: Record<string, string> = {
  '04003000': 'technology', '04005000': 'energy', '04006000': 'business', '04008000': 'economy', '04009000': 'markets',
  '04013000': 'lifestyle', '04016000': 'market-research', '09000000': 'economy', '13010000': 'technology', '13008000': 'science',
  '11001000': 'politics', '16009000': 'conflict', '14000000': 'lifestyle',
};

/** IPTC Media Topic top-level codes (http://cv.iptc.org/newscodes/mediatopic/) → category. */
export const iptcTopLevel: Record<string, string> = {
  '01': 'culture', '02': 'crime-law', '03': 'disasters', '04': 'business', '05': 'education', '06': 'environment',
  '07': 'health', '08': 'lifestyle', '09': 'economy', '10': 'lifestyle', '11': 'politics', '12': 'culture',
  '13': 'science', '14': 'lifestyle', '15': 'sport', '16': 'conflict', '17': 'weather',
};

/** Keywords per category; each match in the body scores 1, in the headline 3. */
export const categoryKeywords: Record<string, string[]> = {
  politics: ['president', 'prime minister', 'chancellor', 'minister', 'government', 'parliament', 'election', 'elections', 'vote', 'voters', 'lawmakers', 'senate', 'congress', 'opposition', 'party', 'diplomat', 'diplomatic', 'summit', 'sanctions', 'peace talks', 'peace deal', 'treaty', 'policy', 'campaign'],
  conflict: ['war', 'military', 'troops', 'missile', 'missiles', 'drone', 'drones', 'airstrike', 'ceasefire', 'army', 'soldiers', 'invasion', 'offensive', 'weapons', 'defence', 'defense', 'shelling', 'attack'],
  business: ['company', 'companies', 'revenue', 'profit', 'profits', 'quarter', 'quarterly', 'earnings', 'shares', 'chief executive', 'ceo', 'merger', 'acquisition', 'customers', 'sales', 'startup', 'investors', 'firm'],
  economy: ['inflation', 'interest rate', 'interest rates', 'gdp', 'economy', 'economic growth', 'recession', 'unemployment', 'central bank', 'tariffs', 'trade deficit', 'wages', 'consumer prices'],
  markets: ['stocks', 'stock market', 'index', 'nasdaq', 'dow jones', 's&p 500', 'ftse', 'dax', 'bond yields', 'yields', 'traders', 'equities', 'currency', 'dollar', 'euro', 'exchange rate'],
  crypto: ['bitcoin', 'ethereum', 'crypto', 'cryptocurrency', 'blockchain', 'token', 'tokens', 'stablecoin', 'defi', 'onchain', 'web3', 'nft', 'wallet'],
  energy: ['oil', 'gas', 'crude', 'opec', 'brent', 'pipeline', 'lng', 'electricity', 'power grid', 'renewable', 'solar', 'wind farm', 'hydrogen', 'nuclear power', 'barrels'],
  'market-research': ['market size', 'cagr', 'forecast period', 'market share', 'market report', 'projected to reach', 'compound annual growth rate', 'key players', 'market is expected', 'market analysis'],
  technology: ['software', 'artificial intelligence', 'ai', 'chip', 'chips', 'semiconductor', 'smartphone', 'app', 'cloud', 'data centre', 'data center', 'cyber', 'cyberattack', 'internet', 'robot', 'robots', 'automation', 'algorithm'],
  science: ['scientists', 'researchers', 'study', 'telescope', 'space', 'nasa', 'physics', 'species', 'genome', 'laboratory', 'experiment', 'journal', 'astronomers', 'mission', 'orbit'],
  health: ['health', 'hospital', 'patients', 'disease', 'vaccine', 'virus', 'outbreak', 'cancer', 'doctors', 'medical', 'drug', 'treatment', 'who'],
  environment: ['climate', 'emissions', 'carbon', 'pollution', 'biodiversity', 'deforestation', 'warming', 'conservation', 'wildlife', 'environmental'],
  'crime-law': ['police', 'court', 'judge', 'trial', 'arrested', 'charged', 'prosecutors', 'lawsuit', 'sentenced', 'murder', 'fraud', 'verdict', 'convicted'],
  disasters: ['earthquake', 'flood', 'floods', 'wildfire', 'hurricane', 'cyclone', 'crash', 'crashed', 'crashes', 'explosion', 'collapsed', 'death toll', 'rescue', 'evacuated', 'tsunami'],
  education: ['school', 'schools', 'students', 'university', 'universities', 'teachers', 'exam', 'curriculum', 'pupils'],
  culture: ['film', 'museum', 'music', 'album', 'festival', 'artist', 'novel', 'exhibition', 'theatre', 'concert', 'actor', 'book'],
  lifestyle: ['travel', 'food', 'fashion', 'recipe', 'restaurant', 'wellness', 'holiday', 'tourism', 'tourists'],
  sport: ['match', 'goal', 'goals', 'league', 'championship', 'tournament', 'coach', 'season', 'cup', 'olympic', 'olympics', 'striker', 'players', 'team', 'win', 'victory', 'final', 'scored', 'motogp', 'formula one', 'grand prix', 'race', 'racing', 'circuit'],
  weather: ['weather', 'forecast', 'temperatures', 'heatwave', 'rainfall', 'storm', 'snow', 'meteorological'],
  'press-releases': ['prnewswire', 'globe newswire', 'business wire', 'press release', 'about the company', 'media contact', 'for more information', 'forward-looking statements'],
};

/** Organisations whose mention makes a story international ("world"). */
export const internationalBodies = new Set(['nato', 'united-nations', 'european-union', 'un-security-council', 'g7', 'g20', 'world-health-organization', 'international-monetary-fund', 'world-bank', 'opec', 'african-union', 'asean']);
