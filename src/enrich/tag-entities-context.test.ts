import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagEntities } from './tag-entities.js';

const tagged = (text: string, language?: string) => tagEntities(text, { language }).entities;
const names = (text: string, language?: string) => tagged(text, language).map((e) => `${e.type}:${e.name}`);
const has = (found: string[], ...expected: string[]) => {
  for (const n of expected) assert.ok(found.includes(n), `${n} in ${found.join(', ')}`);
};
const lacks = (found: string[], ...unexpected: string[]) => {
  for (const n of unexpected) assert.ok(!found.includes(n), `${n} not in ${found.join(', ')}`);
};

describe('tagEntities: organisations by their legal form and their words', () => {
  it('drops the legal form from the canonical name, and the bare name is the same company', () => {
    const entities = tagged('WeWork Inc. said on Monday it would cut 2,400 jobs. WeWork has struggled since its failed listing.');
    assert.deepEqual(
      entities.map((e) => [e.type, e.name, e.mentions]),
      [['organisation', 'WeWork', 2]],
    );
    has(names('Deutsche Bank AG raised its forecast, and PT Astra International Tbk reported higher profit.'), 'organisation:Deutsche Bank', 'organisation:Astra International');
    has(names('ПАО Сбербанк сообщило о росте прибыли.'), 'organisation:Сбербанк');
    lacks(names('Steve Menet, Senior Vice President of Sales for Dräger, Inc., says the system works.'), 'organisation:Inc');
  });

  it('reads names joined by an ampersand as one firm, and partners listed before it', () => {
    const found = names('Engines from Pratt & Whitney were checked. Marks & Spencer rose, and the deal was advised by Cravath, Swaine & Moore and Rothschild & Co.');
    has(found, 'organisation:Pratt & Whitney', 'organisation:Marks & Spencer', 'organisation:Cravath, Swaine & Moore', 'organisation:Rothschild & Co');
    lacks(found, 'place:Pratt', 'organisation:Swaine & Moore');
    lacks(names('Read our Terms & Conditions, or the Arts & Culture pages.'), 'organisation:Terms & Conditions', 'organisation:Arts & Culture');
    // Places or people joined so are each themselves.
    const listed = names('Flights from London & Rome resumed as Trump & Biden clashed.');
    has(listed, 'place:London', 'place:Rome', 'person:Donald Trump', 'person:Joe Biden');
    lacks(listed, 'organisation:London & Rome', 'organisation:Trump & Biden');
  });

  it('leaves a hyphenated description out of the name it describes, but keeps where someone is based', () => {
    const found = names('Father-of-three Gareth Price has started a petition. Portugal-based Tintex Textiles supplies the yarn.');
    has(found, 'person:Gareth Price', 'place:Portugal');
    lacks(found, 'person:Father-of-three Gareth Price');
  });

  it('reads what other languages call a country as that country, but not a city or word that shares the name', () => {
    has(names('Die Ministerin reiste am Montag nach Singapur und Tschechien.', 'de'), 'place:Singapore', 'place:Czech Republic');
    has(names("Le ministre s'est rendu en Lituanie et au Cambodge lundi.", 'fr'), 'place:Lithuania', 'place:Cambodia');
    has(names('Presiden bertemu dengan delegasi dari Kamboja dan Belanda.', 'id'), 'place:Cambodia', 'place:Netherlands');
    // "Granada" is a Spanish city before it is Spanish for Grenada; "Island" is no German Iceland in English.
    const english = names('Fans in Granada cheered as the rocket left Wallops Island.');
    has(english, 'place:Granada', 'place:Wallops Island');
    lacks(english, 'place:Grenada', 'place:Iceland');
  });

  it('takes codes of letters and digits for no entity, unless they own something or are known', () => {
    const found = names("Moody's cut the rating to Ba1 from Baa3. Airbus delivered an A380 before COP28, as the G7 met. A24's horror film opened third.");
    lacks(found, 'place:Ba1', 'place:Baa3', 'organisation:A380', 'organisation:COP28');
    has(found, 'organisation:Airbus', 'organisation:G7', 'organisation:A24');
  });

  it('reads “St” and “St.” as the start of a place or a saint’s institution', () => {
    const found = names("Patients at St Columba's Hospital were moved to St. Mary's Hospital in St. Louis, and the St. Louis-based firm paid. New York-born Ada Bello played at St Andrews, near St. Peter's Square.");
    has(found, "organisation:St Columba's Hospital", "organisation:St. Mary's Hospital", 'place:St. Louis', 'place:New York', 'person:Ada Bello', 'place:St Andrews', "place:St. Peter's Square");
    lacks(found, 'place:St', "organisation:Mary's Hospital", 'person:St Andrews', 'place:York');
  });

  it('keeps two companies named with "and" apart, but joins a body whose first word is a noun', () => {
    const found = names('Kenya Airways and Ethiopian Airlines resumed flights, and the deal needs the Competition and Markets Authority.');
    has(found, 'organisation:Kenya Airways', 'organisation:Ethiopian Airlines', 'organisation:Competition and Markets Authority');
    lacks(found, 'organisation:Kenya Airways and Ethiopian Airlines', 'organisation:Markets Authority');
  });

  it('reads an outlet of several words after "told" or "published in", but a reporter after "reported by"', () => {
    const found = names('Mikel Arteta told Sky Sports the win mattered, a study published in Nature Medicine found, and it was reported by Sui-Lee Wee.');
    has(found, 'organisation:Sky Sports', 'organisation:Nature Medicine', 'person:Mikel Arteta');
    lacks(found, 'person:Sky Sports', 'person:Nature Medicine', 'organisation:Sui-Lee Wee');
    // A body of two places joined by "and".
    has(names('Kensington and Chelsea Council approved the plan.'), 'organisation:Kensington and Chelsea Council');
  });

  it('reads a publication after a word of reporting, a known name with its article, and no place in a title', () => {
    const found = names('A study published in The Lancet was discussed in The Hague, she told The Atlantic. He starred in The Road.');
    has(found, 'organisation:The Lancet', 'place:The Hague', 'organisation:The Atlantic');
    lacks(found, 'place:Lancet', 'place:Hague', 'place:Road', 'organisation:The Road');
  });

  it('reads bodies, people and nationalities in French, German, Spanish and Portuguese', () => {
    has(names("La Banque de France a relevé ses prévisions, et le chancelier allemand s'est rendu à Paris.", 'fr'), 'organisation:Banque de France', 'place:Germany', 'place:Paris');
    has(names('Bundeskanzler Friedrich Merz traf den französischen Präsidenten Emmanuel Macron.', 'de'), 'person:Friedrich Merz', 'person:Emmanuel Macron', 'place:France');
    const spanish = names('Ayer la Comisión Europea y la OTAN recibieron al presidente brasileño en Los Angeles.', 'es');
    has(spanish, 'organisation:European Commission', 'organisation:NATO', 'place:Brazil', 'place:Los Angeles');
    lacks(spanish, 'organisation:Ayer', 'organisation:OTAN');
    has(names('O primeiro-ministro português recebeu a delegação.', 'pt'), 'place:Portugal');
    // Two particles in a name: "von der", "de la".
    has(names('Ursula von der Leyen met Juan de la Cruz.'), 'person:Ursula von der Leyen', 'person:Juan de la Cruz');
  });

  it('takes stock indexes for no entity, but keeps the companies and exchanges behind them', () => {
    const found = names('The S&P 500 rose while the Hang Seng Index and the Nasdaq Composite fell; the Dow Jones Industrial Average slid. S&P cut its rating, and Nasdaq Stockholm listed Boeing.');
    lacks(found, 'person:Hang Seng Index', 'organisation:Nasdaq Composite', 'organisation:Dow Jones');
    has(found, 'organisation:S&P', 'organisation:Boeing');
  });

  it('keeps two companies apart at "and" when the first ends in a legal form or opens with a known company', () => {
    const found = names('Key players include Schneider Electric SE and Honeywell International, while Microsoft Azure and Amazon Web Services lead.');
    has(found, 'organisation:Schneider Electric', 'organisation:Honeywell', 'organisation:Amazon Web Services');
    lacks(found, 'organisation:Schneider Electric SE and Honeywell International', 'organisation:Microsoft Azure and Amazon Web Services');
  });

  it('reads another name of the organisation just named as its own, and a state inside a name as a company’s', () => {
    const found = names('The California Department of Forestry and Fire Protection, known as Cal Fire, said Southern California Edison had cut power.');
    has(found, 'organisation:Cal Fire', 'organisation:Southern California Edison');
    lacks(found, 'person:Cal Fire', 'person:Southern California Edison');
  });

  it('never takes a state for a person, and reads a region as a place', () => {
    const found = names("The governor of Nigeria's Kadera State dismissed the claims, and the Northern Region voted.");
    has(found, 'place:Northern Region');
    lacks(found, 'person:Kadera State');
    // A state that is also a given name: the state alone, the person with a surname.
    const virginia = names('The rocket left Wallops Island, Virginia, as Virginia Giuffre spoke.');
    has(virginia, 'place:Virginia', 'person:Virginia Giuffre');
    lacks(virginia, 'person:Virginia');
    // Given names the lexicon also knows as nouns: Leo, Max, Bill (not "Rose Garden").
    const nouns = names('Leo Cullen did not hide his anger. Max Verstappen won, Bill Gates watched, and the Rose Garden was full.');
    has(nouns, 'person:Leo Cullen', 'person:Max Verstappen', 'person:Bill Gates');
    lacks(nouns, 'person:Cullen', 'person:Rose Garden');
    const named = names('He met Florence Pugh before Georgia Tech won and the Israel Elections Committee met.');
    has(named, 'person:Florence Pugh');
    lacks(named, 'person:Georgia Tech', 'person:Israel Elections');
  });

  it('reads club prefixes written in capitals only', () => {
    has(names('FC Porto beat Benfica on Sunday.'), 'organisation:FC Porto');
    lacks(names('As Trump said on Monday, the talks went well.'), 'organisation:As Trump');
  });

  it('reads places and venues by their shape, and agencies named "Administration" but not a president’s', () => {
    const found = names('Fans filled Yankee Stadium near Lake Michigan, the Federal Aviation Administration said, and the Trump Administration agreed.');
    has(found, 'place:Yankee Stadium', 'place:Lake Michigan', 'organisation:Federal Aviation Administration');
    lacks(found, 'organisation:Trump Administration', 'person:Yankee Stadium');
  });

  it('reads an institution’s name on through “on” and “of the”, but not into a date or a title', () => {
    const found = names('The National Institute on Drug Abuse has estimated the figure. She told the Office of the Inspector General, and the Security Council on Tuesday voted.');
    has(found, 'organisation:National Institute on Drug Abuse', 'organisation:Office of the Inspector General');
    lacks(found, 'organisation:National Institute', 'organisation:Security Council on Tuesday', 'organisation:Security Council on');
    lacks(names('Fans of House of the Dragon waited for the finale.'), 'organisation:House of the Dragon');
  });

  it('reads a party’s adjective and its members’ name as the party, as a nationality adjective is its country', () => {
    has(names('Republican counsel Steve Castor asked Morrison about the Democratic debate.'), 'organisation:Republican Party', 'organisation:Democratic Party', 'person:Steve Castor');
    has(names('He met Labour MP Diane Abbott on Monday. Republicans said no.'), 'organisation:Labour Party', 'person:Diane Abbott', 'organisation:Republican Party');
    lacks(names('Fighting in the Democratic Republic of Congo went on.'), 'organisation:Democratic Party');
  });

  it('keeps an Arabic name’s article with it, and reads a title the list knows in other languages', () => {
    has(names('“The crossing is open,” ministry spokesman Khaled al-Masri told state news agency Petra.'), 'person:Khaled al-Masri');
    lacks(names('“The crossing is open,” ministry spokesman Khaled al-Masri told state news agency Petra.'), 'person:Khaled');
    has(names('The al-Shabaab group said it carried out the attack.'), 'organisation:al-Shabaab');
    const german = tagEntities('Besonders die Abwehr um Kapitän Jonas Weber kam schlecht weg.', { language: 'de' }).entities;
    assert.deepEqual(german.map((e) => [e.name, e.role]), [['Jonas Weber', 'Kapitän']]);
  });

  it('reads a title that opens with a title word, or follows a club’s word, as a title before a person', () => {
    const cfo = names('“We are not seeing it,” Chief Financial Officer Annika Brandt said.');
    has(cfo, 'person:Annika Brandt');
    lacks(cfo, 'organisation:Chief Financial');
    const director = names('“He brings energy,” said Sporting Director Rachel Owusu.');
    has(director, 'person:Rachel Owusu');
    lacks(director, 'organisation:Sporting Director Rachel Owusu');
    has(names('Sporting Lisbon beat Porto on Sunday.'), 'organisation:Sporting Lisbon');
  });

  it('joins a body’s name at “and” when the abbreviation after it spells the whole', () => {
    const found = names('Britain’s Competition and Markets Authority (CMA) on Friday blocked the takeover.');
    has(found, 'organisation:Competition and Markets Authority');
    lacks(found, 'organisation:Markets Authority');
  });

  it('keeps a capital “The” inside a sentence in an organisation’s name, and the name without it is the same one', () => {
    const entities = tagged('“No cameras, no fuss,” the actor told The Daily Post. A Daily Post reporter was there.');
    assert.deepEqual(entities.filter((e) => e.type === 'organisation').map((e) => [e.name, e.mentions]), [['The Daily Post', 2]]);
    lacks(names('The Daily Post said on Monday it would close.'), 'organisation:The Daily Post');
  });

  it('splits a known body or place from the person named right after it', () => {
    const found = names('He denied that he, U.S. Ambassador to the European Union Gordon Sondland and Energy Secretary Rick Perry formed a channel.');
    has(found, 'organisation:European Union', 'person:Gordon Sondland', 'person:Rick Perry');
    lacks(found, 'person:European Union Gordon Sondland');
    has(names('The Soviet Union collapsed in 1991, and Ugandan troops entered DR Congo.'), 'place:Soviet Union', 'place:Uganda', 'place:Democratic Republic of the Congo');
  });

  it('writes out an abbreviation of a body the text names in full, and knows one the gazetteer lists', () => {
    const entities = tagged('The Drug Enforcement Administration says seizures rose. The DEA says the border is the main entry point.');
    assert.deepEqual(
      entities.map((e) => [e.type, e.name, e.mentions]),
      [['organisation', 'Drug Enforcement Administration', 2]],
    );
    // A public body's name and abbreviation are kept as written; the abbreviation matches in capitals only.
    has(names('The FTC sued the company on Monday.'), 'organisation:FTC');
    has(names('The Labor Department said payrolls grew.'), 'organisation:Labor Department');
    lacks(names('Ice covered the roads near Denver on Monday.'), 'organisation:United States Immigration and Customs Enforcement');
  });

  it('reads streets, roads and piers as places, and a French stadium by its head word', () => {
    has(names('Residents packed the hall on Hawthorn Street, and the parade went down Main Street to Navy Pier.'), 'place:Hawthorn Street', 'place:Main Street', 'place:Navy Pier');
    has(names('Fans filled the Stade des Ormeaux on Saturday.'), 'place:Stade des Ormeaux');
  });

  it('reads the names in a box score’s lines as players, even an ordinary word', () => {
    const found = names('Palm Bay (1-0): Tolivert 25 points. Davis 17 points.\n\nRockledge (0-1): Blakely 15 points. Brown 4 points.');
    has(found, 'person:Tolivert', 'person:Davis', 'person:Blakely', 'person:Brown');
    lacks(names('The team scored 25 points. Points came late.'), 'person:Points');
  });

  it('knows clubs and teams by their other names, as written, and one named two ways is one', () => {
    has(names('Barça beat Juve 2-1, and the Lakers lost to the Celtics.'), 'organisation:Barça', 'organisation:Juve', 'organisation:Lakers', 'organisation:Celtics');
    has(names('PSG signed him from Bayern Munich.'), 'organisation:PSG', 'organisation:Bayern Munich');
    const lakers = tagged('The Los Angeles Lakers won on Sunday. The Lakers have now won five in a row.');
    assert.deepEqual(lakers.map((e) => [e.name, e.mentions]), [['Los Angeles Lakers', 2]]);
  });

  it('reads an organisation word after a hyphen', () => {
    has(names('The stabbing occurred during a presentation at the Schlosspark-Klinik in Berlin.'), 'organisation:Schlosspark-Klinik', 'place:Berlin');
    has(names('The Wheeling News-Register reported the figures on Monday, said David McKinley.'), 'organisation:Wheeling News-Register');
  });

  it('joins an organisation split at "and", but not two companies', () => {
    const found = names('The U.S. Securities and Exchange Commission sued on Tuesday. Gannett and GateHouse Media agreed to merge.');
    has(found, 'organisation:U.S. Securities and Exchange Commission', 'organisation:GateHouse Media');
    lacks(found, 'organisation:Exchange Commission', 'organisation:Gannett and GateHouse Media');
  });

  it('names where someone works after "Title of", and nothing after "Title for"', () => {
    const found = names('“We are delighted,” adds Olivier Bosc, General Manager of Life Care Solutions Europe at GE Healthcare. The United Nations High Commissioner for Human Rights spoke to the General Assembly.');
    has(found, 'person:Olivier Bosc', 'organisation:Life Care Solutions Europe', 'organisation:GE Healthcare', 'organisation:General Assembly');
    lacks(found, 'person:Life Care Solutions Europe', 'organisation:Human Rights', 'person:Assembly');
  });

  it('reads a company’s regional arm and "X-based" companies', () => {
    const found = names('Rob Goldman, Ascom North America, said the paper was bought by Sacramento-based McClatchy.');
    has(found, 'person:Rob Goldman', 'organisation:Ascom North America', 'organisation:McClatchy', 'place:Sacramento');
    lacks(found, 'person:Ascom North America');
  });

  it('does not take stock tickers of other exchanges for organisations', () => {
    const found = names('Shares of Acme Mining Corp. (TSX-V: ACM) rose while Sberbank (MOEX: SBER) fell.');
    has(found, 'organisation:Acme Mining');
    lacks(found, 'organisation:ACM', 'organisation:SBER', 'organisation:MOEX');
  });
});

describe('tagEntities: what a lone word is when nobody was named with it', () => {
  it('a company when it acts like one or is a source', () => {
    has(names('Ascom announces a strategic distribution partnership with GE Healthcare'), 'organisation:Ascom');
    has(names('Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share.'), 'organisation:Refinitiv');
    has(names('Drugs worth $53 million a week cross the border, according to the Intelligencer.'), 'organisation:Intelligencer');
  });

  it('still the person named in full elsewhere', () => {
    const found = names('Growth will recover, according to Philip Lane. The outlook is uncertain, according to Lane. Mark Rutte arrived; Rutte announced new funds.');
    has(found, 'person:Philip Lane', 'person:Mark Rutte');
    lacks(found, 'organisation:Lane', 'organisation:Rutte');
  });

  it('a team after "the" or a match result, but players stay people', () => {
    has(names('Anthony Lynn’s Chargers lost 24-17 to the Chiefs on Monday.'), 'organisation:Chiefs');
    has(names('Mike Glass threw for three touchdowns and Eastern Michigan routs Northern Illinois.'), 'organisation:Eastern Michigan', 'organisation:Northern Illinois');
    // (Also opening a sentence, where "Eastern" alone would be an ordinary word.)
    has(names('Tuesday’s college football: Eastern Michigan routs Northern Illinois to become bowl eligible'), 'organisation:Eastern Michigan');
    const tennis = names('Vasek Pospisil edged Reilly Opelka 7-6 and Denis Shapovalov defeated Taylor Fritz 6-3.');
    has(tennis, 'person:Denis Shapovalov');
    lacks(tennis, 'organisation:Taylor Fritz', 'organisation:Reilly Opelka', 'organisation:Vasek Pospisil');
    // Unknown given names next to a result are players; a hyphenated given name is one; "of" a country is where they are from.
    has(names('The tie was level after Jo-Wilfried Tsonga cruised past him and Yoshihito Nishioka defeated Gael Monfils 7-5, 6-2.'), 'person:Jo-Wilfried Tsonga', 'person:Yoshihito Nishioka');
    const doubles = names('They defeated Raven Klaasen of South Africa and Michael Venus of New Zealand in the final.');
    has(doubles, 'place:South Africa', 'person:Michael Venus');
    lacks(doubles, 'organisation:Raven Klaasen of South Africa');
    has(names('Golden State Warriors defeated the Boston Celtics 110-99.'), 'organisation:Golden State Warriors');
    lacks(names('The Games opened in Paris, and the Olympics drew crowds.'), 'organisation:Olympics', 'organisation:Games');
  });

  it('a city of that name, from the world cities list', () => {
    const found = names('Hege is the CEO of DH, an advertising firm in Spokane. She grew up in Merritt Island with her family.');
    has(found, 'place:Spokane', 'place:Merritt Island');
    lacks(found, 'person:Merritt Island');
  });

  it('a person when “who” follows it', () => {
    has(names('Marisol — who asked that her surname not be used — has cleaned offices for twenty years.'), 'person:Marisol');
    has(names('The council backed the plan drawn up by Okonkwo, who runs the co-operative.'), 'person:Okonkwo');
  });

  it('a person, not the city of that name, when it says something with a verb of speech', () => {
    const found = names('The damage was worse than feared. But Vaughan cautioned that the count was early, and Carlisle conceded the roads would stay shut.');
    has(found, 'person:Vaughan', 'person:Carlisle');
    lacks(found, 'place:Vaughan', 'place:Carlisle');
  });

  it('not a small town when it merely opens a sentence in another language', () => {
    lacks(names('Redan i fjol larmade Försvarsmakten om läget på Gotland.', 'sv'), 'place:Redan');
  });
});

describe('tagEntities: one name, one thing, across a text', () => {
  it('a family name first is the same person ("Xi Jinping", then "Xi")', () => {
    const entities = tagged('Chinese President Xi Jinping met the envoy. Xi said the talks were useful.');
    assert.deepEqual(entities.filter((e) => e.slug.startsWith('xi')).map((e) => [e.type, e.name, e.mentions]), [['person', 'Xi Jinping', 2]]);
  });

  it('"Joe and Hunter Biden" are two people of one surname', () => {
    const found = names('Volker said he had no knowledge of any efforts to urge Ukraine to investigate Joe and Hunter Biden.');
    has(found, 'person:Joe Biden', 'person:Hunter Biden', 'place:Ukraine');
    lacks(found, 'person:Joe');
  });

  it('"Name of Country" is a person and their country', () => {
    has(names('Ben McLachlan and Yasutaka Uchiyama of Japan won the doubles.'), 'person:Yasutaka Uchiyama', 'place:Japan');
  });

  it('a known company never opens a person’s name', () => {
    const found = names('Like Amazon Alexa, the assistant answers questions.');
    has(found, 'organisation:Amazon');
    lacks(found, 'person:Amazon Alexa');
  });

  it('given names of many languages vouch for a person', () => {
    has(names('Menteri Keuangan Sri Mulyani mengatakan ekonomi tumbuh, kata Bambang Brodjonegoro di Jakarta.', 'id'), 'person:Sri Mulyani', 'person:Bambang Brodjonegoro', 'place:Jakarta');
  });
});

describe('tagEntities: title-case headlines', () => {
  it('keeps a headline name only when the body or the gazetteer confirms it', () => {
    const found = names('Physicists Just Created the Most Detailed Simulation of Galaxy Formation With Illustris Code\n\nAstronomers in Germany ran the simulation on a supercomputer.');
    has(found, 'place:Germany');
    lacks(found, 'person:Illustris Code', 'organisation:Illustris Code');
    const confirmed = names('Ascom Announces Strategic Partnership With GE Healthcare in Europe\n\nAscom announced the deal with GE Healthcare in Baar.');
    has(confirmed, 'organisation:Ascom', 'organisation:GE Healthcare', 'place:Europe');
  });
});

describe('tagEntities: names the context vouches for', () => {
  it('takes a given name the lexicon knows only as a name, and a family name of another locale, as a person', () => {
    has(names('In the final, Reilly Opelka served well on Sunday.'), 'person:Reilly Opelka');
    has(names('The squad was led by Tomasz Kowalski in the first half.'), 'person:Tomasz Kowalski');
  });

  it('keeps a lone surname next to a verb of speech as a person, but not who was told or a quote’s first word', () => {
    const found = names('“We will appeal the ruling,” Hartwell said on Tuesday. The firm will wait, says Okafor.');
    has(found, 'person:Hartwell', 'person:Okafor');
    lacks(names('The minister told Parliament that taxes would not rise.'), 'person:Parliament');
    lacks(names('Jane Roe, head of sales, says: “Effective alarm management matters to hospitals.”'), 'person:Effective');
  });

  it('reads a company in what it owns or backs, beside a second company, and before a legal form', () => {
    has(names('SoftBank-backed Zenbridge cut jobs, and the BrightLine-owned papers closed.'), 'organisation:SoftBank', 'organisation:BrightLine');
    has(names('Corvex and Haltmann introduce a shared charging network.'), 'organisation:Corvex', 'organisation:Haltmann');
  });

  it('takes no planet or moon for a place or a person in English, but reads “Europa” as Europe in German', () => {
    const found = names('The probe will fly past Jupiter and Enceladus before the Europa Clipper mission reaches Europa.', 'en');
    lacks(found, 'place:Europe', 'place:Enceladus', 'person:Europa Clipper');
    has(names('Der Konzern will in Europa wachsen.', 'de'), 'place:Europe');
  });

  it('does not read an Indonesian sentence opener as part of a name', () => {
    lacks(names('Saat Ali menjadi khalifah, perang pecah. Termasuk Ali.', 'id'), 'person:Saat Ali', 'person:Termasuk Ali');
  });
});

describe('tagEntities: a person named again by a surname of several words', () => {
  it('is the person named in full', () => {
    assert.deepEqual(names('James Van Der Beek was voted off on Monday. Van Der Beek said he was proud of the run.'), ['person:James Van Der Beek']);
  });
});

describe('tagEntities: teams in results', () => {
  it('reads a place with a win-loss record or in a results line as a team, but not a player with a score', () => {
    const found = names('Oakridge d. Fairview 61-21. The Hornets (9-1, 6-1) play Kentwood (2-8) on Saturday, and Denis Shapovalov defeated Taylor Fritz 7-6, 6-3.');
    has(found, 'organisation:Oakridge', 'organisation:Kentwood', 'person:Taylor Fritz', 'person:Denis Shapovalov');
    lacks(found, 'place:Kentwood', 'organisation:Taylor Fritz');
  });
});

describe('tagEntities: people by what they do, whose they are, and one name alone', () => {
  it('reads a name after a word for what people do, or after a country’s possessive, as a person', () => {
    has(names('Brazil star Vinicius was in the crowd, and quarterback Tanner Morley is hurt.'), 'person:Vinicius', 'person:Tanner Morley');
    has(names('Serbia’s Dusan Lajovic and Japan’s Yoshihito Nishioka will meet on Wednesday.'), 'person:Dusan Lajovic', 'person:Yoshihito Nishioka');
  });

  it('keeps a given name alone as a person in Indonesian, where many have one name', () => {
    has(names('Menurut Prabowo, rencana itu akan dibahas pekan depan bersama Budi.', 'id'), 'person:Prabowo Subianto', 'person:Budi');
    lacks(names('The plan will be discussed next week with Budi.', 'en'), 'person:Budi');
  });
});

describe('tagEntities: titles with what qualifies them', () => {
  it('splits a qualifier and title from the name, and a person from the force after “of”', () => {
    has(names('Kay County Sheriff Bill Hardy said deputies were searching.'), 'person:Bill Hardy', 'place:Kay County');
    has(names('“Call 101,” said Detective Sergeant Aisha Bell of Westvale Police.'), 'person:Aisha Bell', 'organisation:Westvale Police');
    has(names('Foreign Affairs Minister Aïssata Touré said the talks would go on.'), 'person:Aïssata Touré');
  });

  it('reads “Title Company, Name” as the company and the person who holds the title', () => {
    const found = names('"Keputusan ini sangat berat," kata Chief Executive Officer Kiriman, Andika Putri Lestari, dalam pernyataan tertulis.', 'id');
    has(found, 'organisation:Kiriman', 'person:Andika Putri Lestari');
    has(names('Lumora Health, Inc., a maker of monitors, said sales rose.'), 'organisation:Lumora Health');
  });
});

describe('tagEntities: a country before a person from it', () => {
  it('splits the country from the name', () => {
    has(names('Pebulu tangkis Indonesia Dimas Saputra menang di final.', 'id'), 'place:Indonesia', 'person:Dimas Saputra');
    has(names('China Southern Airlines cut fares.'), 'organisation:China Southern Airlines');
  });
});

describe('tagEntities: who works where, and where someone was born', () => {
  it('reads “Name of Organisation” as a person and where they work, but “Bank of America” as one name', () => {
    const found = names('The study, led by epidemiologist Chen Lu of Songhua Medical University, was published in the Journal of Preventive Cardiology. Analyst Vikram Sood of Northgate Research disagreed.');
    has(found, 'person:Chen Lu', 'organisation:Songhua Medical University', 'organisation:Journal of Preventive Cardiology', 'person:Vikram Sood', 'organisation:Northgate Research');
    has(names('Bank of America and the Church of England agreed.'), 'organisation:Bank of America', 'organisation:Church of England');
  });

  it('reads the place in “-born”, and a venue or club named in another language', () => {
    has(names('The Marseille-born chef met Lagos-born Ade Bello.'), 'place:Marseille', 'place:Lagos', 'person:Ade Bello');
    has(names('Sporting da Foz lost at Estádio do Dragão on Sunday.', 'pt'), 'organisation:Sporting da Foz', 'place:Estádio do Dragão');
  });
});

describe('tagEntities: an organisation across its mentions', () => {
  it('keeps a possessive inside an organisation’s name, but not a known name’s possessive', () => {
    const found = names("Moody's Investors Service cut the rating, and King's College London agreed. NASA's Goddard Space Flight Center said so.");
    has(found, "organisation:Moody's Investors Service", "organisation:King's College London", 'organisation:NASA');
    lacks(found, "organisation:NASA's Goddard Space Flight Center");
  });

  it('reads a company’s first word alone, later, as that company, but not beside its regional arm', () => {
    assert.deepEqual(names('Harbor Pine Outfitters said sales rose. Harbor announced a new store on Monday.'), ['organisation:Harbor Pine Outfitters']);
    has(names('Corvex announced a deal. Corvex North America will sell it.'), 'organisation:Corvex', 'organisation:Corvex North America');
  });
});

describe('tagEntities: no person where a body, a venue or a region is meant', () => {
  it('reads “the Commission said” as no person, a theatre as a place and a compass word before a place as a region', () => {
    const found = names('The Commission said on Monday it would act. The play opens at the Dorfman Theatre. Traders in West Africa and Eastern Europe agreed.');
    lacks(found, 'person:Commission', 'person:Dorfman Theatre');
    has(found, 'place:Dorfman Theatre', 'place:West Africa', 'place:Eastern Europe');
  });
});

describe('tagEntities: bodies whose names run on past a comma or a second "of the"', () => {
  it('goes on with a body’s name after a second "of the"', () => {
    const found = names('The deal needs approval from the Office of the Comptroller of the Currency, and the Court of Justice of the European Union ruled on Tuesday.');
    has(found, 'organisation:Office of the Comptroller of the Currency', 'organisation:Court of Justice of the European Union');
    lacks(found, 'organisation:Office of the Comptroller', 'organisation:Court of Justice');
  });

  it('goes on with the name of an authority, an embassy or a mission after "on" or "of the", and spells out its abbreviation', () => {
    const found = names('The Intergovernmental Authority on Development (IGAD) called for talks. The Embassy of the Netherlands in Caracas stays open, the Authority on Tuesday said.');
    has(found, 'organisation:Intergovernmental Authority on Development', 'organisation:Embassy of the Netherlands');
    lacks(found, 'organisation:Intergovernmental Authority', 'organisation:IGAD', 'organisation:Authority on Tuesday');
  });

  it('keeps a title word opening a body’s name in it, but not a word that only qualifies a title', () => {
    const found = names('The trust runs Queen Elizabeth Hospital, and the show is a co-production with Ambassador Theatre Group.');
    has(found, 'organisation:Queen Elizabeth Hospital', 'organisation:Ambassador Theatre Group');
    lacks(found, 'organisation:Elizabeth Hospital', 'organisation:Theatre Group');
    lacks(names('Former Karoo Freight chief executive Ana Smit joined the board.'), 'organisation:Former Karoo Freight');
  });

  it('joins the items of a list before "and" in a body’s name, but not a name of its own or a sentence’s first word', () => {
    const found = names("The study was funded by Hungary's National Research, Development and Innovation Office. Sen. Ellis opened Tuesday's Senate Health, Education, Labor and Pensions Committee hearing.");
    has(found, 'organisation:National Research, Development and Innovation Office', 'organisation:Senate Health, Education, Labor and Pensions Committee');
    lacks(found, 'organisation:National Research', "organisation:Tuesday's Senate Health", 'person:Education');
    const listed = names('Regulators at Apple, Food and Drug Administration staff and others met.');
    lacks(listed, 'organisation:Apple, Food and Drug Administration');
  });

  it('reads a lower-case "party" after a political adjective as the party', () => {
    const found = names('The People’s Daily, the mouthpiece of the Communist party, said so. Tsai Ing-wen of the Democratic Progressive party leads the polls.');
    has(found, 'organisation:Communist Party', 'organisation:Democratic Progressive Party');
    lacks(names('Staff left the Christmas party early, and the Super Bowl party went on.'), 'organisation:Christmas Party', 'organisation:Super Bowl Party');
  });

});

describe('tagEntities: a press release’s wire and a company named like a person', () => {
  it('reads the credit between a dateline’s date and the dash as the wire’s name', () => {
    has(names('AUSTIN, Texas, May 2, 2025 /PRNewswire/ -- Vellum Robotics today announced a new gripper.'), 'organisation:PRNewswire');
    has(names('DENVER, Jan. 9, 2025 (GLOBE NEWSWIRE) -- Crestline Foods reported record sales.'), 'organisation:GLOBE NEWSWIRE');
    // (A dateline must come first: no credit in a sentence's bracket before a dash.)
    lacks(names('He was born in 1975 (New Mexico) -- and raised in Texas.'), 'organisation:New Mexico');
  });

  it('reads an unknown word listed right after a known or several-word company as a company, but not after a single unknown one', () => {
    has(names('Delivery apps DoorDash, Uber and Grubhub sued the city on Friday.'), 'organisation:Grubhub');
    has(names('The start-up raised £22 million from Index Ventures and Seedcamp this month.'), 'organisation:Seedcamp');
    lacks(names('You can count on HomeKit and Siri control for the new thermostat.'), 'organisation:Siri');
  });

  it('reads a company’s one-word name as the person of that surname the text names in full, unless it names the company in more words', () => {
    const found = names('The novelist John M. Ford died in 2006. Ford turned to Star Trek novels in the 1980s.');
    has(found, 'person:John M. Ford');
    lacks(found, 'organisation:Ford');
    has(names('Henry Ford II ran Ford Motor for decades. Ford said sales rose.'), 'organisation:Ford');
  });
});

describe('tagEntities: titles, employers and names that are no one’s', () => {
  it('reads a lone surname after a regional body’s title as a person, each in a list of them', () => {
    const found = names('Two members, Boston Fed President Kowalczyk and Atlanta Fed President Orlanske, dissented.');
    has(found, 'person:Kowalczyk', 'person:Orlanske');
    lacks(found, 'organisation:Kowalczyk');
    // (A menu's words before a title word are no body: no one is named.)
    lacks(names('More Economic Forecasting Survey Economy Video'), 'person:Video');
  });

  it('reads abbreviated titles (CIO, VP) and the holder of a department’s title', () => {
    has(names('The tour ended at the home of Norvell CIO Darius Fenwright, who showed the new app.'), 'person:Darius Fenwright');
    const department = names('The guide was redesigned, according to Director of Product Design Joe Hartigan.');
    has(department, 'person:Joe Hartigan');
    lacks(department, 'organisation:Product Design Joe Hartigan');
    has(names('The Minister of Foreign Affairs Jean Kessler said the talks would resume.'), 'person:Jean Kessler');
  });

  it('reads the name before a job and a name as the employer', () => {
    const found = names('This week Piper Wells analyst Gene Morrow cut his target for the shares.');
    has(found, 'organisation:Piper Wells', 'person:Gene Morrow');
    lacks(found, 'person:Piper Wells');
    has(names('Harlan Brooks economist Dana Whitcombe expects two cuts.'), 'organisation:Harlan Brooks');
  });

  it('never takes a product or channel ending in capitals, nor the pronoun “I”, for a person', () => {
    const found = names('Meridian Fios TV subscribers can now stream to tablets, and Galaxy SE owners will follow. “I could no longer meet my duties,” Hale said.');
    lacks(found, 'person:Fios TV', 'person:Galaxy SE', 'person:I');
    has(names('John Aldous III said the estate was sold.'), 'person:John Aldous III');
  });

  it('reads a surname whose clause goes on with “his” or “her” as a person, not an epithet', () => {
    has(names('The company grew quickly, but McTavish stepped back from his day-to-day role in 2010.'), 'person:McTavish');
    lacks(names('The Spaniard watched his side struggle for an hour.'), 'person:Spaniard');
    lacks(names('Orbis shares rose after his team reported results.'), 'person:Orbis');
  });
});

describe('tagEntities: abbreviations nobody knows', () => {
  it('drops an abbreviation that never acts as an organisation: a format or a product', () => {
    lacks(names('The new guide fills the HD screen, and the DVR gains external storage for VOD titles.'), 'organisation:HD', 'organisation:DVR', 'organisation:VOD');
    lacks(names('Companies reporting under IFRS will have to restate their accounts.'), 'organisation:IFRS');
  });

  it('keeps one that speaks, acts, owns, employs, airs or is spelled out', () => {
    has(names('The KPRA said on Monday it would appeal.'), 'organisation:KPRA');
    has(names('Fees rose after the ZNTB’s review, and analysts at QRX cut their forecasts.'), 'organisation:ZNTB', 'organisation:QRX');
    has(names('The game was broadcast on KBVN without a valid reason.'), 'organisation:KBVN');
    has(names('The strike was called by the ABVX transport union after talks failed.'), 'organisation:ABVX');
    has(names('Damit orientiere sich der DFX an den internationalen Vorgaben.', 'de'), 'organisation:DFX');
    has(names('Orla Medical (OM) announced a partnership, and OM will expand it next year.'), 'organisation:Orla Medical');
  });
});

describe('tagEntities: French, Spanish and Italian names', () => {
  it('reads a name that opens with an article inside a sentence as a title or a company, and a known place as a place', () => {
    const found = names('Bernard Lavigne sera-t-il le prochain propriétaire de La Gazette du Midi et de Nice Soir?', 'fr');
    has(found, 'organisation:La Gazette du Midi');
    lacks(found, 'person:La Gazette du Midi');
    has(names('Les pompiers de Los Angeles County Fire Chief Anthony Marrone sont arrivés.', 'fr'), 'person:Anthony Marrone');
    has(names('Il a voyagé à La Paz puis à Los Angeles.', 'fr'), 'place:La Paz', 'place:Los Angeles');
  });

  it('reads a party whose adjective is written in lower case, and a media group by its French word', () => {
    has(names('Le congrès du Parti socialiste s’est tenu à Toulouse.', 'fr'), 'organisation:Parti socialiste');
    has(names('El Partido popular y el Partito democratico votaron.', 'es'), 'organisation:Partido popular', 'organisation:Partito democratico');
    has(names('Le groupe de Philippe Hersand, Hersand Média, négocie avec les banques.', 'fr'), 'organisation:Hersand Média');
  });

  it('takes no single letter for a name or a place', () => {
    lacks(names('Les bras en V, il salue la salle.', 'fr'), 'place:V');
  });
});

describe('tagEntities: descriptions around people', () => {
  it('reads the words before a word for someone and their full name as a description, no one’s name', () => {
    const found = names('The authorities will prosecute Dallas Ebola patient Thomas Eric Duncan when he returns.');
    has(found, 'person:Thomas Eric Duncan');
    lacks(found, 'person:Dallas Ebola');
  });

  it('reads a plural of people by what they do as no one, before a verb of speech', () => {
    lacks(names('Legislators said the law would help. Prosecutors argued otherwise.'), 'person:Legislators', 'person:Prosecutors');
    has(names('Bernie Sanders said the law would help. Sanders said more.'), 'person:Bernie Sanders');
  });

  it('gives no shared surname to a name the text already uses alone', () => {
    const found = names('Duncan answered no to every question. People like Duncan and Patrick Sawyer have brought a stigma.');
    lacks(found, 'person:Duncan Sawyer');
    has(found, 'person:Patrick Sawyer');
    has(names('Joe and Hunter Biden arrived in Delaware.'), 'person:Joe Biden', 'person:Hunter Biden');
  });

  it('reads what someone is president or founder of as an organisation, but not a department or a country', () => {
    has(names('said Bill Caton, president of Associated General Contractors of Ohio.'), 'organisation:Associated General Contractors of Ohio');
    has(names('said Ana Diaz, president of Costa Rica.'), 'place:Costa Rica');
    lacks(names('said Brent Shaw, vice president of Advanced Development Programs at Blue Origin.'), 'organisation:Advanced Development Programs');
  });
});

describe('tagEntities: groups', () => {
  it('reads a country’s abbreviation before a group of its people as the country', () => {
    const found = names('U.S. Marines embarked aboard the ship in the Indian Ocean.');
    has(found, 'place:United States');
    lacks(found, 'organisation:U.S. Marines', 'organisation:Marines');
  });

  it('keeps an abbreviation after a word for a group, and maybe an adjective, as an organisation', () => {
    has(names('Importante golpe a la banda terrorista KTA en Francia.', 'es'), 'organisation:KTA');
    has(names('The talks with the militant group KTA collapsed.'), 'organisation:KTA');
  });
});

describe('tagEntities: ships and short names of bodies', () => {
  it('takes no ship for an entity', () => {
    lacks(names('Marines aboard the USS Peleliu and HMS Queen Elizabeth trained together.'), 'organisation:USS Peleliu', 'organisation:HMS Queen Elizabeth', 'person:HMS Queen Elizabeth');
  });

  it('reads a body’s last word standing alone as that body, and Facebook as itself', () => {
    const found = tagged('Gates ordered a review of the Marine Corps. He said the Corps had become too heavy.');
    assert.deepEqual(found.filter((e) => e.type === 'organisation').map((e) => [e.name, e.mentions]), [['Marine Corps', 2]]);
    has(names('Follow us on Twitter and Facebook.'), 'organisation:Facebook');
    has(names('Meta Platforms reported higher revenue.'), 'organisation:Meta');
  });
});

describe('tagEntities: listed counties', () => {
  it('reads names listed before “counties” as counties, not surnames', () => {
    const found = names('The district covers Rogers, Craig and Mayes counties. Officials in Rogers County said no.');
    has(found, 'place:Rogers County', 'place:Craig County', 'place:Mayes County');
    lacks(found, 'person:Rogers');
  });
});

describe('tagEntities: institutions and pairs in several languages', () => {
  it('keeps "for a" and "for an" inside an institution’s name', () => {
    has(names('said Tom Baines of the liberal National Committee for an Effective Congress, which tracks voting.'), 'organisation:National Committee for an Effective Congress');
    has(names('The Committee for a Responsible Federal Budget said the plan would add to the debt.'), 'organisation:Committee for a Responsible Federal Budget');
  });

  it('leaves a sentence’s opening article out of a known name', () => {
    has(names('La Guardia Civil ha detenido en un hotel a dos personas.', 'es'), 'organisation:Guardia Civil');
    has(names('Los Angeles is bigger than San Diego.'), 'place:Los Angeles');
  });

  it('reads someone named after a sure person and another language’s "and" as a person', () => {
    has(names('Cae en Francia Ana María Ortega. La policía detuvo a Ana María Ortega y Joseba Iturraran en Lyon.', 'es'), 'person:Joseba Iturraran');
  });
});

describe('tagEntities: a company by its shorter name', () => {
  it('reads a company’s name less its last word as that company, not someone so named', () => {
    const found = names('Blue Origin, Sierra Nevada Corporation and SpaceX joined the list. Sierra Nevada plans a cargo lander.');
    has(found, 'organisation:Sierra Nevada Corporation');
    lacks(found, 'person:Sierra Nevada');
  });
});

describe('tagEntities: charities, hospitals and national branches', () => {
  it('reads a charity named after the word, an infirmary and a restaurant as organisations', () => {
    has(names('The challenge raised money for charity CHAS, and she was taken to the Leith Royal Infirmary twice.'), 'organisation:CHAS', 'organisation:Leith Royal Infirmary');
    has(names('Emergency services were called to Kismot Restaurant’s curry-eating challenge.'), 'organisation:Kismot Restaurant');
  });

  it('reads a nationality before a movement or a party as that country’s own, not before any body', () => {
    has(names('Two members of the British Red Cross were on hand, and the Chinese Communist Party met.'), 'organisation:British Red Cross', 'organisation:Chinese Communist Party');
    lacks(names('An American Islamic State group member was deported.'), 'organisation:American Islamic State');
  });
});

describe('tagEntities: a description before a name keeps known and body-shaped names', () => {
  it('keeps a known team before a word for someone and their name', () => {
    has(names('Manchester United striker Marcus Rashford scored twice, and Villa boss Unai Emery praised him.'), 'organisation:Manchester United', 'person:Marcus Rashford', 'person:Unai Emery');
  });
});

describe('tagEntities: a surname that is an ordinary word, and names that are no one', () => {
  it('reads an ordinary word alone before ", who" as someone named again by surname', () => {
    has(names('The deal closed on Monday.\n\nReed, who will be the merged company’s chairman, told investors it was good.'), 'person:Reed');
    has(names('The bid fell short of the price demanded by Rice, who was then the largest shareholder.'), 'person:Rice');
    const nobody = names('Officials, who spoke on condition of anonymity, said the Board, who met on Monday, agreed. Everyone, who came, left. Mother, who raised us, smiled.');
    lacks(nobody, 'person:Officials', 'person:Board', 'person:Everyone', 'person:Mother');
  });

  it('reads a name with an age between commas as someone’s, and a year as no age', () => {
    has(names('The dish caused nose bleeds.\n\nReed, 21, a Korean exchange student, came second.'), 'person:Reed');
    has(names('The dish caused nose bleeds.\n\nCurie, aged 21, came second.'), 'person:Curie');
    lacks(names('The season ended.\n\nSpring, 2019, was the wettest on record.'), 'person:Spring');
  });

  it('reads no one in a name ending in a letter on its own, nor in a machine named after someone', () => {
    const group = names('Argentina got past Chile 3-0 in Group C, with Guido Pella beating Nicolas Jarry. President George W. Bush watched.');
    lacks(group, 'person:Group C');
    has(group, 'person:Guido Pella', 'person:George W. Bush');
    const machines = names('The run took 16,000 cores of the Hazel Hen supercomputer, and the James Webb telescope saw it. James Webb, the NASA administrator, was honoured.', 'en');
    lacks(machines, 'person:Hazel Hen');
    has(machines, 'person:James Webb');
    // (An inquiry is no machine: "the Mueller probe" names the man who led it.)
    assert.equal(tagged('Robert Mueller testified. Critics of the Mueller probe said it ran long.', 'en').find((e) => e.name === 'Robert Mueller')?.mentions, 2);
  });
});

describe('tagEntities: a ministry wire copy writes in lower case', () => {
  it('reads a nationality and a lower-case ministry as that country’s ministry, and the country', () => {
    const found = names('Several capitals objected on Tuesday. The Italian foreign ministry said it was "deeply concerned", and officials at the Spanish defence ministry declined to comment.', 'en');
    has(found, 'organisation:Italian Foreign Ministry', 'organisation:Spanish Defence Ministry', 'place:Italy', 'place:Spain');
    // (Not a ministry of no country, nor an adjective before another noun.)
    lacks(names('The Democratic foreign policy team met. French wine exports rose.', 'en'), 'organisation:Democratic Foreign Ministry', 'organisation:French Wine');
  });
});

describe('tagEntities: someone’s surname before a body’s name', () => {
  it('reads the body and the person, as politics names an administration’s bodies', () => {
    const found = names('Senator Maria Delgado wrote to the White House. Aides at the Delgado National Security Council disputed it, as did the Trump Justice Department.', 'en');
    has(found, 'organisation:National Security Council', 'organisation:Justice Department', 'person:Maria Delgado', 'person:Donald Trump');
    lacks(found, 'organisation:Delgado National Security Council', 'organisation:Trump Justice Department');
    // (A body whose own name opens with a surname stays whole.)
    has(names('Officials at the Ford Foundation said so.', 'en'), 'organisation:Ford Foundation');
  });
});

describe('tagEntities: a title, what it is of, then its holder (Indonesian order)', () => {
  it('reads the holder by the first name after the title’s place, and the place no person', () => {
    const found = names('Bupati Karang Wetan Agus Prasetyo meninjau lokasi banjir, Senin. "Kami siapkan dapur umum," kata Agus.', 'id');
    has(found, 'person:Agus Prasetyo');
    lacks(found, 'person:Karang Wetan Agus Prasetyo', 'person:Karang Wetan');
    // (A name of three words after a title stays one name.)
    has(names('President Recep Tayyip Erdogan spoke in Ankara.', 'en'), 'person:Recep Tayyip Erdogan');
  });
});

describe('tagEntities: a title of a department for an employer', () => {
  it('reads the employer after “for”, and “Senior”, “Assistant” as words of the title', () => {
    const found = names('Jane Holt, Senior Vice President of Sales for Acme Systems, said demand was strong. Tom Reyes, Director of Marketing for Brightwell, agreed.', 'en');
    has(found, 'organisation:Acme Systems', 'organisation:Brightwell', 'person:Jane Holt', 'person:Tom Reyes');
    lacks(found, 'organisation:Senior Vice President of Sales for Acme Systems', 'organisation:Marketing for Brightwell');
    // (A name that holds "for" stays whole.)
    has(names('The Chairman of Friends for Peace spoke.', 'en'), 'organisation:Friends for Peace');
  });
});

describe('tagEntities: a French club named "Stade" and a place’s adjective', () => {
  it('reads the club, and a ground of that word as a place', () => {
    const found = names('Le Stade Lavallois a battu le Stade Brestois samedi au Stade Vélodrome devant 40 000 spectateurs.', 'fr');
    has(found, 'organisation:Stade Lavallois', 'organisation:Stade Brestois', 'place:Stade Vélodrome');
    lacks(found, 'place:Stade Lavallois', 'place:Stade Brestois');
  });
});

describe('tagEntities: a word for what someone does and an adjective before a name (Romance order)', () => {
  it('reads an unknown name after them as a person', () => {
    has(names("Auteur d'un doublé, l'attaquant malien Seydou Kanouté a été élu homme du match.", 'fr'), 'person:Seydou Kanouté');
    has(names('En la segunda parte, el delantero paraguayo Osvaldo Ruvira marcó dos goles.', 'es'), 'person:Osvaldo Ruvira');
  });
});

describe('tagEntities: an office named for its holder’s title', () => {
  it('reads "… Attorney’s Office" and "… Sheriff’s Department" whole, not a bare "Office"', () => {
    const found = names("The Pima County Attorney's Office filed charges on Monday, and the Yavapai County Sheriff's Department opened an inquiry.", 'en');
    has(found, "organisation:Pima County Attorney's Office", "organisation:Yavapai County Sheriff's Department");
    lacks(found, 'organisation:Office', 'organisation:Department');
  });
});
