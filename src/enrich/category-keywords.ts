/**
 * Category keywords per language: the rules that assign a category from the text when the
 * provider declared none that maps. Each language has its own words: an English list read
 * over German text matches German "war" ("was") as the English "war". A keyword ending in
 * `*` matches every word that starts with it (German and Scandinavian compounds:
 * "fußball*" matches "Fußballregeln"); Arabic words are matched without their attached
 * conjunctions and article (و، ف، ب، ل، ك، ال).
 * Scores as in English: each body match 1 (at most 5 per keyword), each headline match 3.
 */
import { categoryKeywords } from './category-rules.js';

type Keywords = Partial<Record<string, string[]>>;

/** One language's category rules. */
interface LanguageRules {
  /** Words per category; `*` ends a prefix. */
  keywords: Keywords;
  /** How a lower-cased word is compared, when the language attaches particles to words. */
  normalize?: (word: string) => string;
  /** Other primary tags written with the same rules. */
  alsoFor?: string[];
}

/** The rules of every language Gazette has words for, by BCP 47 primary language tag. */
const rules: Record<string, LanguageRules> = {
  // English (with the other category rules in category-rules.ts)
  en: { keywords: categoryKeywords },
  // German
  de: {
    keywords: {
      politics: ['regierung*', 'bundesregierung', 'kanzler*', 'minister*', 'parlament*', 'bundestag', 'wahl', 'wahlen', 'wahlkampf', 'partei*', 'koalition*', 'opposition', 'abgeordnete*', 'präsident*', 'gesetzentwurf', 'diplomat*', 'gipfel*', 'sanktionen'],
      conflict: ['krieg*', 'militär*', 'soldat*', 'truppen', 'armee', 'bundeswehr', 'rakete*', 'luftangriff*', 'waffenruhe', 'waffenstillstand', 'invasion', 'offensive', 'nato', 'streitkräfte', 'kämpfe', 'verteidigung*', 'drohne*'],
      business: ['unternehmen*', 'konzern*', 'umsatz', 'gewinn*', 'quartal*', 'aktionär*', 'übernahme', 'fusion', 'vorstandschef', 'firma', 'kunden', 'geschäft*', 'investor*', 'start-up'],
      economy: ['wirtschaft*', 'inflation*', 'konjunktur*', 'zinsen', 'leitzins*', 'rezession', 'arbeitslos*', 'arbeitsmarkt*', 'bruttoinlandsprodukt', 'bip', 'zentralbank', 'ezb', 'zölle', 'haushalt*', 'löhne'],
      markets: ['börse*', 'aktie*', 'dax', 'anleihe*', 'devisen', 'wechselkurs*', 'händler'],
      energy: ['energie*', 'strom*', 'öl', 'ölpreis*', 'erdgas', 'gas', 'pipeline', 'solar*', 'windkraft*', 'atomkraft*', 'kohle*'],
      technology: ['software', 'künstliche intelligenz', 'ki', 'digital*', 'internet', 'chip*', 'halbleiter*', 'smartphone*', 'datenzentr*', 'rechenzentr*', 'cyber*', 'roboter*', 'app'],
      science: ['forscher*', 'wissenschaft*', 'studie', 'forschung*', 'raumfahrt*', 'teleskop*', 'physik*', 'labor*', 'weltraum*'],
      health: ['gesundheit*', 'krankenhaus*', 'klinik*', 'patient*', 'krankheit*', 'impf*', 'virus', 'pandemie', 'krebs*', 'ärzte', 'medizin*'],
      environment: ['klima*', 'emission*', 'umwelt*', 'artenschutz', 'erderwärmung', 'co2', 'naturschutz*'],
      'crime-law': ['polizei*', 'gericht*', 'richter*', 'prozess', 'festgenommen', 'angeklagt*', 'staatsanwalt*', 'urteil*', 'mord*', 'betrug*', 'verurteilt*', 'ermittlung*'],
      disasters: ['erdbeben', 'hochwasser', 'überschwemmung*', 'waldbrand*', 'unwetter*', 'unfall*', 'explosion', 'eingestürzt', 'todesopfer', 'rettungskräfte', 'feuerwehr*'],
      education: ['schule*', 'schüler*', 'universität*', 'hochschule*', 'lehrer*', 'studierende*', 'abitur', 'bildung*'],
      culture: ['film*', 'museum*', 'musik*', 'album', 'festival', 'künstler*', 'roman', 'ausstellung*', 'theater*', 'konzert*', 'schauspieler*', 'buch'],
      lifestyle: ['reise*', 'urlaub*', 'mode', 'rezept*', 'restaurant*', 'tourismus', 'touristen'],
      sport: ['fußball*', 'bundesliga', 'spiel', 'spiele', 'tor', 'tore', 'trainer*', 'schiedsrichter*', 'elfmeter*', 'meisterschaft*', 'turnier*', 'liga', 'pokal*', 'olympi*', 'mannschaft*', 'spieler*', 'saison', 'derby', 'handspiel*', 'strafraum', 'stürmer*'],
      weather: ['wetter*', 'temperatur*', 'hitzewelle', 'regen', 'sturm', 'schnee*', 'glätte', 'gewitter*'],
    },
  },

  // French
  fr: {
    keywords: {
      politics: ['gouvernement', 'président*', 'premier ministre', 'ministre*', 'parlement*', 'assemblée nationale', 'sénat', 'élection*', 'électeurs', 'vote', 'parti', 'opposition', 'député*', 'diplomat*', 'sommet', 'sanctions'],
      conflict: ['guerre', 'militaire*', 'armée', 'soldats', 'troupes', 'missile*', 'frappe*', 'cessez-le-feu', 'invasion', 'offensive', 'otan', 'défense', 'drone*', 'bombardement*'],
      business: ['entreprise*', 'société', 'chiffre d\'affaires', 'bénéfice*', 'trimestre*', 'actionnaires', 'rachat', 'fusion', 'pdg', 'clients', 'groupe', 'investisseurs'],
      economy: ['économie', 'économique*', 'inflation', 'croissance', 'taux d\'intérêt', 'récession', 'chômage', 'pib', 'banque centrale', 'bce', 'droits de douane', 'salaires', 'budget'],
      markets: ['bourse', 'cac 40', 'actions', 'obligations', 'marchés', 'devises', 'taux de change'],
      energy: ['énergie*', 'électricité', 'pétrole', 'gaz', 'brut', 'opep', 'solaire', 'éolien*', 'nucléaire', 'barils'],
      technology: ['logiciel*', 'intelligence artificielle', 'ia', 'numérique', 'internet', 'puce*', 'semi-conducteur*', 'smartphone*', 'cyber*', 'robot*', 'application'],
      science: ['chercheurs', 'scientifiques', 'étude', 'recherche', 'espace', 'télescope', 'physique', 'laboratoire', 'spatial*'],
      health: ['santé', 'hôpital', 'hôpitaux', 'patients', 'maladie*', 'vaccin*', 'virus', 'épidémie', 'pandémie', 'cancer', 'médecins', 'médical*'],
      environment: ['climat*', 'émissions', 'carbone', 'pollution', 'biodiversité', 'réchauffement', 'environnement*'],
      'crime-law': ['police', 'tribunal', 'juge', 'procès', 'arrêté*', 'inculpé*', 'procureur*', 'condamné*', 'meurtre', 'fraude', 'verdict', 'enquête'],
      disasters: ['séisme', 'tremblement de terre', 'inondation*', 'incendie*', 'ouragan', 'cyclone', 'accident', 'explosion', 'effondré*', 'bilan', 'secours'],
      education: ['école*', 'élèves', 'université*', 'enseignants', 'étudiants', 'baccalauréat', 'éducation'],
      culture: ['film', 'musée', 'musique', 'album', 'festival', 'artiste*', 'roman', 'exposition', 'théâtre', 'concert', 'acteur*', 'livre', 'cinéma'],
      lifestyle: ['voyage*', 'gastronomie', 'mode', 'recette*', 'restaurant*', 'vacances', 'tourisme', 'touristes'],
      sport: ['match', 'but', 'buts', 'championnat', 'ligue', 'tournoi', 'entraîneur', 'saison', 'coupe', 'olympiques', 'joueurs', 'équipe', 'victoire', 'finale', 'football', 'arbitre', 'penalty'],
      weather: ['météo', 'températures', 'canicule', 'pluie*', 'tempête', 'neige', 'orage*'],
    },
  },

  // Spanish
  es: {
    keywords: {
      politics: ['gobierno', 'presidente*', 'primer ministro', 'ministro*', 'parlamento', 'congreso', 'senado', 'elecciones', 'votantes', 'partido', 'oposición', 'diputado*', 'diplomátic*', 'cumbre', 'sanciones'],
      conflict: ['guerra', 'militar*', 'ejército', 'soldados', 'tropas', 'misil*', 'bombardeo*', 'alto el fuego', 'invasión', 'ofensiva', 'otan', 'defensa', 'dron*'],
      business: ['empresa*', 'compañía', 'ingresos', 'beneficio*', 'trimestre*', 'accionistas', 'adquisición', 'fusión', 'consejero delegado', 'clientes', 'ventas', 'inversores'],
      economy: ['economía', 'económic*', 'inflación', 'crecimiento', 'tipos de interés', 'recesión', 'desempleo', 'paro', 'pib', 'banco central', 'aranceles', 'salarios', 'presupuesto*'],
      markets: ['bolsa', 'ibex', 'acciones', 'bonos', 'mercados', 'divisas', 'tipo de cambio'],
      energy: ['energía*', 'electricidad', 'petróleo', 'gas', 'crudo', 'opep', 'solar', 'eólic*', 'nuclear', 'barriles'],
      technology: ['software', 'inteligencia artificial', 'ia', 'digital', 'internet', 'chip*', 'semiconductor*', 'móvil*', 'ciber*', 'robot*', 'aplicación'],
      science: ['investigadores', 'científicos', 'estudio', 'investigación', 'espacio', 'telescopio', 'física', 'laboratorio', 'espacial'],
      health: ['salud', 'hospital*', 'pacientes', 'enfermedad*', 'vacuna*', 'virus', 'epidemia', 'pandemia', 'cáncer', 'médicos', 'sanitari*'],
      environment: ['clima*', 'emisiones', 'carbono', 'contaminación', 'biodiversidad', 'calentamiento', 'medio ambiente', 'ambiental*'],
      'crime-law': ['policía', 'tribunal', 'juez', 'juicio', 'detenido*', 'acusado*', 'fiscal*', 'condenado*', 'asesinato', 'fraude', 'sentencia'],
      disasters: ['terremoto', 'sismo', 'inundacion*', 'incendio*', 'huracán', 'ciclón', 'accidente', 'explosión', 'derrumbe', 'víctimas mortales', 'rescate'],
      education: ['escuela*', 'colegio*', 'alumnos', 'universidad*', 'profesores', 'estudiantes', 'educación'],
      culture: ['película', 'museo', 'música', 'álbum', 'festival', 'artista*', 'novela', 'exposición', 'teatro', 'concierto', 'actor', 'libro', 'cine'],
      lifestyle: ['viaje*', 'gastronomía', 'moda', 'receta*', 'restaurante*', 'vacaciones', 'turismo', 'turistas'],
      sport: ['partido', 'gol', 'goles', 'liga', 'campeonato', 'torneo', 'entrenador', 'temporada', 'copa', 'olímpic*', 'jugadores', 'equipo', 'victoria', 'final', 'fútbol', 'árbitro', 'penalti'],
      weather: ['tiempo', 'temperaturas', 'ola de calor', 'lluvia*', 'tormenta', 'nieve', 'aemet'],
    },
  },

  // Arabic
  ar: {
    keywords: {
      politics: ['حكومة', 'رئيس', 'وزير', 'وزراء', 'برلمان', 'انتخابات', 'حزب', 'معارضة', 'دبلوماسي', 'قمة', 'عقوبات', 'مجلس النواب'],
      conflict: ['حرب', 'عسكري', 'عسكرية', 'جيش', 'جنود', 'قوات', 'صاروخ', 'صواريخ', 'غارة', 'غارات', 'وقف إطلاق النار', 'اجتياح', 'هجوم', 'ناتو', 'دفاع', 'مسيرة'],
      business: ['شركة', 'شركات', 'أرباح', 'إيرادات', 'الربع', 'مساهمين', 'استحواذ', 'اندماج', 'رئيس تنفيذي', 'عملاء', 'مبيعات', 'مستثمرين'],
      economy: ['اقتصاد', 'اقتصادي', 'اقتصادية', 'تضخم', 'نمو', 'فائدة', 'ركود', 'بطالة', 'ناتج محلي', 'بنك مركزي', 'رسوم جمركية', 'أجور', 'ميزانية'],
      markets: ['بورصة', 'أسهم', 'سندات', 'أسواق', 'مؤشر', 'عملات', 'سعر الصرف'],
      energy: ['طاقة', 'كهرباء', 'نفط', 'غاز', 'خام', 'أوبك', 'برميل', 'شمسية', 'نووية'],
      technology: ['تكنولوجيا', 'تقنية', 'ذكاء اصطناعي', 'رقمي', 'رقمية', 'إنترنت', 'رقائق', 'هواتف', 'سيبراني', 'روبوت', 'تطبيق'],
      science: ['باحثون', 'علماء', 'دراسة', 'بحث', 'فضاء', 'تلسكوب', 'فيزياء', 'مختبر'],
      health: ['صحة', 'مستشفى', 'مرضى', 'مرض', 'لقاح', 'فيروس', 'وباء', 'جائحة', 'سرطان', 'أطباء', 'طبي', 'طبية'],
      environment: ['مناخ', 'انبعاثات', 'كربون', 'تلوث', 'بيئة', 'بيئي', 'احترار'],
      'crime-law': ['شرطة', 'محكمة', 'قاضي', 'محاكمة', 'اعتقال', 'متهم', 'نيابة', 'حكم', 'جريمة', 'قتل', 'احتيال'],
      disasters: ['زلزال', 'فيضان', 'فيضانات', 'حريق', 'حرائق', 'إعصار', 'حادث', 'انفجار', 'انهيار', 'حصيلة', 'إنقاذ'],
      education: ['مدرسة', 'مدارس', 'طلاب', 'جامعة', 'جامعات', 'معلمين', 'تعليم', 'امتحانات'],
      culture: ['فيلم', 'متحف', 'موسيقى', 'ألبوم', 'مهرجان', 'فنان', 'رواية', 'معرض', 'مسرح', 'حفل', 'ممثل', 'كتاب'],
      lifestyle: ['سفر', 'سياحة', 'سياح', 'أزياء', 'طعام', 'مطعم', 'عطلة'],
      sport: ['مباراة', 'هدف', 'أهداف', 'دوري', 'بطولة', 'مدرب', 'موسم', 'كأس', 'أولمبية', 'لاعبين', 'لاعب', 'فريق', 'فوز', 'نهائي', 'كرة القدم', 'منتخب'],
      weather: ['طقس', 'درجات الحرارة', 'موجة حر', 'أمطار', 'عاصفة', 'ثلوج', 'الأرصاد'],
    },
    normalize: arabicWord,
  },

  // Swedish
  sv: {
    keywords: {
      politics: ['regering*', 'statsminister*', 'minister*', 'riksdag*', 'val', 'valet', 'parti*', 'opposition*', 'president*', 'diplomat*', 'toppmöte*', 'sanktioner'],
      conflict: ['krig*', 'militär*', 'soldat*', 'trupper', 'armé*', 'försvar*', 'robot*', 'flygangrepp', 'vapenvila', 'invasion', 'offensiv*', 'nato', 'drönare', 'militärövning*'],
      business: ['företag*', 'bolag*', 'omsättning*', 'vinst*', 'kvartal*', 'aktieägare', 'uppköp*', 'fusion', 'vd', 'kunder', 'investerare'],
      economy: ['ekonomi*', 'inflation*', 'ränt*', 'styrränta*', 'lågkonjunktur*', 'arbetslös*', 'bnp', 'riksbank*', 'tullar', 'löner', 'budget*'],
      markets: ['börs*', 'aktie*', 'obligation*', 'kronan', 'valuta*'],
      energy: ['energi*', 'elpris*', 'el', 'olja*', 'gas', 'kärnkraft*', 'vindkraft*', 'solkraft*'],
      technology: ['mjukvara', 'artificiell intelligens', 'ai', 'digital*', 'internet', 'datacent*', 'halvledar*', 'mobil*', 'cyber*', 'robotar'],
      science: ['forskare', 'forskning*', 'studie', 'rymd*', 'teleskop', 'fysik', 'laboratori*'],
      health: ['hälsa', 'sjukhus*', 'patient*', 'sjukdom*', 'vaccin*', 'virus', 'pandemi*', 'cancer', 'läkare', 'vård*'],
      environment: ['klimat*', 'utsläpp*', 'koldioxid', 'miljö*', 'föroren*', 'biologisk mångfald'],
      'crime-law': ['polis*', 'domstol*', 'tingsrätt*', 'åtal*', 'gripen', 'gripna', 'misstänkt*', 'åklagare*', 'dömd*', 'mord*', 'bedrägeri*', 'rättegång*'],
      disasters: ['jordbävning', 'översvämning*', 'skogsbrand*', 'storm*', 'olycka*', 'explosion', 'rasade', 'räddningstjänst*'],
      education: ['skola*', 'skolor', 'elever', 'universitet*', 'lärare', 'studenter', 'utbildning*'],
      culture: ['film*', 'museum', 'musik*', 'album', 'festival*', 'konstnär*', 'roman', 'utställning*', 'teater*', 'konsert*', 'skådespelare', 'bok'],
      lifestyle: ['resa', 'resor', 'mat', 'mode', 'recept*', 'restaurang*', 'semester', 'turism', 'turister'],
      sport: ['match*', 'mål', 'allsvenska*', 'liga*', 'mästerskap*', 'turnering*', 'tränare*', 'säsong*', 'cup*', 'ol', 'spelare', 'lag', 'seger', 'final*', 'fotboll*', 'hockey*', 'domare'],
      weather: ['väder*', 'temperatur*', 'värmebölja', 'regn*', 'snö*', 'smhi'],
    },
  },

  // Norwegian (Bokmål and Nynorsk)
  no: {
    keywords: {
      politics: ['regjering*', 'statsminister*', 'minister*', 'storting*', 'valg*', 'parti*', 'opposisjon*', 'president*', 'diplomat*', 'toppmøte*', 'sanksjoner'],
      conflict: ['krig*', 'militær*', 'soldat*', 'tropper', 'hær*', 'forsvar*', 'rakett*', 'luftangrep*', 'våpenhvile', 'invasjon', 'offensiv*', 'nato', 'droner'],
      business: ['selskap*', 'bedrift*', 'omsetning*', 'overskudd*', 'kvartal*', 'aksjonær*', 'oppkjøp*', 'fusjon', 'konsernsjef*', 'kunder', 'investor*', 'industri*'],
      economy: ['økonomi*', 'inflasjon*', 'rente*', 'styringsrente*', 'lavkonjunktur*', 'arbeidsledig*', 'bnp', 'norges bank', 'toll', 'lønn*', 'budsjett*'],
      markets: ['børs*', 'aksje*', 'obligasjon*', 'kronekurs*', 'valuta*'],
      energy: ['energi*', 'strømpris*', 'strøm', 'olje*', 'gass*', 'vannkraft*', 'vindkraft*', 'havvind*', 'solkraft*'],
      technology: ['programvare', 'kunstig intelligens', 'ki', 'digital*', 'internett', 'datasenter', 'datasentre', 'datasentr*', 'mobil*', 'cyber*', 'roboter', 'teknologi*'],
      science: ['forsker*', 'forskning*', 'studie', 'romfart*', 'teleskop', 'fysikk', 'laboratori*'],
      health: ['helse*', 'sykehus*', 'pasient*', 'sykdom*', 'vaksine*', 'virus', 'pandemi*', 'kreft*', 'leger'],
      environment: ['klima*', 'utslipp*', 'karbon*', 'miljø*', 'forurens*'],
      'crime-law': ['politi*', 'domstol*', 'tingrett*', 'tiltal*', 'pågrepet', 'siktet', 'påtale*', 'dømt*', 'drap*', 'bedrageri*', 'rettssak*'],
      disasters: ['jordskjelv', 'flom*', 'skogbrann*', 'uvær*', 'ulykke*', 'eksplosjon', 'ras', 'redningsmannskap*'],
      education: ['skole*', 'elever', 'universitet*', 'lærere', 'studenter', 'utdanning*'],
      culture: ['film*', 'museum', 'musikk*', 'album', 'festival*', 'kunstner*', 'roman', 'utstilling*', 'teater*', 'konsert*', 'skuespiller*', 'bok'],
      lifestyle: ['reise*', 'mat', 'mote', 'oppskrift*', 'restaurant*', 'ferie*', 'turisme', 'turister'],
      sport: ['kamp*', 'mål', 'eliteserie*', 'liga*', 'mesterskap*', 'turnering*', 'trener*', 'sesong*', 'cup*', 'ol', 'spillere', 'lag', 'seier', 'finale*', 'fotball*', 'dommer*'],
      weather: ['vær*', 'temperatur*', 'hetebølge', 'regn*', 'snø*', 'meteorolog*'],
    },
    alsoFor: ['nb', 'nn'],
  },

  // Danish
  da: {
    keywords: {
      politics: ['regering*', 'statsminister*', 'minister*', 'folketing*', 'valg*', 'parti*', 'opposition*', 'præsident*', 'diplomat*', 'topmøde*', 'sanktioner'],
      conflict: ['krig*', 'militær*', 'soldat*', 'tropper', 'hær*', 'forsvar*', 'missil*', 'luftangreb*', 'våbenhvile', 'invasion', 'offensiv*', 'nato', 'droner'],
      business: ['virksomhed*', 'selskab*', 'omsætning*', 'overskud*', 'kvartal*', 'aktionær*', 'opkøb*', 'fusion', 'direktør*', 'kunder', 'investor*'],
      economy: ['økonomi*', 'inflation*', 'rente*', 'lavkonjunktur*', 'ledighed*', 'arbejdsløs*', 'bnp', 'nationalbank*', 'told', 'løn*', 'finanslov*'],
      markets: ['børs*', 'aktie*', 'obligation*', 'valuta*', 'c25'],
      energy: ['energi*', 'elpris*', 'strøm', 'olie*', 'gas', 'vindmølle*', 'havvind*', 'solenergi*'],
      technology: ['software', 'kunstig intelligens', 'ai', 'digital*', 'internet', 'datacent*', 'mobil*', 'cyber*', 'robotter'],
      science: ['forsker*', 'forskning*', 'studie', 'rumfart*', 'teleskop', 'fysik', 'laboratori*'],
      health: ['sundhed*', 'hospital*', 'sygehus*', 'patient*', 'sygdom*', 'vaccine*', 'virus', 'pandemi*', 'kræft*', 'læger'],
      environment: ['klima*', 'udledning*', 'co2', 'miljø*', 'forurening*'],
      'crime-law': ['politi*', 'domstol*', 'byret*', 'tiltal*', 'anholdt', 'sigtet', 'anklager*', 'dømt*', 'drab*', 'bedrageri*', 'retssag*'],
      disasters: ['jordskælv', 'oversvømmelse*', 'skovbrand*', 'storm*', 'ulykke*', 'eksplosion', 'styrtede', 'redningsfolk'],
      education: ['skole*', 'elever', 'universitet*', 'lærere', 'studerende', 'uddannelse*'],
      culture: ['film*', 'museum', 'musik*', 'album', 'festival*', 'kunstner*', 'roman', 'udstilling*', 'teater*', 'koncert*', 'skuespiller*', 'bog'],
      lifestyle: ['rejse*', 'mad', 'mode', 'opskrift*', 'restaurant*', 'ferie*', 'turisme', 'turister'],
      sport: ['kamp*', 'mål', 'superliga*', 'liga*', 'mesterskab*', 'turnering*', 'træner*', 'sæson*', 'pokal*', 'ol', 'spillere', 'hold', 'sejr', 'finale*', 'fodbold*', 'dommer*'],
      weather: ['vejr*', 'temperatur*', 'hedebølge', 'regn*', 'sne*', 'dmi'],
    },
  },
};

/** Rules by every primary tag they serve ("nb" and "nn" read the Norwegian rules). */
const byTag = new Map(Object.entries(rules).flatMap(([tag, r]) => [tag, ...(r.alsoFor ?? [])].map((t) => [t, r] as const)));

/** The primary language tag of a BCP 47 tag ("de-AT" → "de"); English when none is known. */
function primaryTag(language: string | null | undefined): string {
  return (language ?? 'en').toLowerCase().split(/[-_]/)[0]!;
}

/** Keyword rules by BCP 47 primary language tag; a language without rules gets none. */
export const keywordsByLanguage: Record<string, Keywords> = Object.fromEntries([...byTag].map(([tag, r]) => [tag, r.keywords]));

/** The keyword rules for a language tag ("de-AT" → German); none for a language Gazette has no words for. */
export function keywordsFor(language: string | null | undefined): Keywords | null {
  return byTag.get(primaryTag(language))?.keywords ?? null;
}

const lowerCase = (token: string): string => token.toLowerCase();

/**
 * How the rules of `language` compare a word: lower case, then as the language's rules compare
 * words. The language is looked up once, for every word of a text.
 */
export function tokenNormalizer(language: string | null | undefined): (token: string) => string {
  const normalize = language ? byTag.get(primaryTag(language))?.normalize : undefined;
  return normalize ? (token) => normalize(token.toLowerCase()) : lowerCase;
}

/** An Arabic word without diacritics and attached particles. */
function arabicWord(lower: string): string {
  const plain = lower.replace(/[\u064B-\u0652\u0640]/g, '').replace(/[أإآ]/g, 'ا');
  // و/ف (and), ب/ل/ك (in, for, like), then ال (the): "والحكومة" → "حكومة".
  const stripped = plain.replace(/^[وف]?[بلك]?(?:ال)?/, '');
  return stripped.length >= 2 ? stripped : plain;
}
