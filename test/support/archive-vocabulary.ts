/**
 * Words and two-word terms of news copy for the archive fixture's searchable text, most
 * frequent first: the fixture draws from this list with a skewed (Zipf-like) choice, so the
 * first entries appear in most stories, the middle ones in some and the last in few — as
 * "government", "inflation" and "Wiesbaden" do in a real archive.
 */
export const ARCHIVE_VOCABULARY: readonly string[] = [
  'government', 'president', 'minister', 'officials', 'market', 'country', 'people', 'security', 'police', 'election',
  'economy', 'company', 'shares', 'prices', 'interest rates', 'central bank', 'parliament', 'talks', 'agreement', 'report',
  'investors', 'growth', 'inflation', 'energy', 'oil', 'gas', 'trade', 'tariffs', 'exports', 'imports',
  'defence', 'military', 'troops', 'ceasefire', 'sanctions', 'summit', 'border', 'refugees', 'court', 'ruling',
  'climate', 'emissions', 'storm', 'flooding', 'drought', 'wildfire', 'earthquake', 'health', 'hospital', 'vaccine',
  'school', 'students', 'university', 'research', 'technology', 'software', 'artificial intelligence', 'chips', 'smartphone', 'internet',
  'football', 'championship', 'coach', 'season', 'tournament', 'olympics', 'record', 'film', 'festival', 'music',
  'budget', 'taxes', 'debt', 'bonds', 'currency', 'dollar', 'euro', 'stocks', 'profit', 'revenue',
  'merger', 'acquisition', 'startup', 'funding', 'jobs', 'unemployment', 'wages', 'strike', 'union', 'workers',
  'housing', 'mortgage', 'construction', 'airport', 'airline', 'railway', 'shipping', 'port', 'harbour', 'pipeline',
  'coalition', 'opposition', 'protest', 'referendum', 'constitution', 'senate', 'congress', 'cabinet', 'ministry', 'embassy',
  'diplomats', 'negotiations', 'treaty', 'alliance', 'nuclear', 'missile', 'drone', 'cyberattack', 'hackers', 'espionage',
  'corruption', 'investigation', 'prosecutors', 'verdict', 'appeal', 'lawsuit', 'regulator', 'antitrust', 'fine', 'privacy',
  'agriculture', 'farmers', 'wheat', 'harvest', 'fertiliser', 'fisheries', 'forests', 'biodiversity', 'wildlife', 'oceans',
  'solar power', 'wind farm', 'battery', 'electric vehicles', 'hydrogen', 'coal', 'refinery', 'crude', 'opec', 'lng',
  'satellite', 'rocket', 'space station', 'telescope', 'astronomers', 'genome', 'cancer', 'malaria', 'pandemic', 'outbreak',
  'tourism', 'hotels', 'restaurants', 'retail', 'consumers', 'inventory', 'logistics', 'semiconductors', 'cloud computing', 'data centre',
  'brussels', 'geneva', 'nairobi', 'lagos', 'cairo', 'riyadh', 'dubai', 'doha', 'ankara', 'tehran',
  'beijing', 'shanghai', 'tokyo', 'seoul', 'jakarta', 'manila', 'hanoi', 'bangkok', 'mumbai', 'karachi',
  'moscow', 'kyiv', 'warsaw', 'berlin', 'paris', 'madrid', 'rome', 'vienna', 'prague', 'budapest',
  'ottawa', 'washington', 'mexico city', 'bogota', 'lima', 'santiago', 'buenos aires', 'brasilia', 'caracas', 'havana',
  'archaeologists', 'manuscript', 'museum', 'heritage', 'cathedral', 'sculpture', 'orchestra', 'opera', 'ballet', 'poetry',
  'glacier', 'volcano', 'tsunami', 'monsoon', 'typhoon', 'avalanche', 'landslide', 'heatwave', 'frost', 'hailstorm',
  'lithium', 'cobalt', 'copper', 'nickel', 'bauxite', 'uranium', 'graphite', 'tungsten', 'vanadium', 'palladium',
  'wiesbaden', 'tromso', 'reykjavik', 'ushuaia', 'timbuktu', 'ulaanbaatar', 'thimphu', 'nuuk', 'longyearbyen', 'tristan da cunha',
];
