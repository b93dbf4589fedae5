import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagEntities } from './tag-entities.js';

const names = (text: string) => tagEntities(text, { language: 'en' }).entities.map((e) => `${e.type}:${e.name}`);
const has = (found: string[], ...expected: string[]) => {
  for (const n of expected) assert.ok(found.includes(n), `${n} in ${found.join(', ')}`);
};
const lacks = (found: string[], ...unexpected: string[]) => {
  for (const n of unexpected) assert.ok(!found.includes(n), `${n} not in ${found.join(', ')}`);
};

describe('tagEntities: what the words around a name say it is', () => {
  it('reads a place and a newspaper word as a newspaper, and The Times inside a sentence as one', () => {
    const found = names('Brightline Media owns the Fresno Bee, the Tulsa Herald and the Kansas City Star, and bought the Portland Courant last year from the former owner of The Times.');
    has(found, 'organisation:Fresno Bee', 'organisation:Tulsa Herald', 'organisation:Kansas City Star', 'organisation:Portland Courant', 'organisation:The Times');
    lacks(found, 'person:Fresno Bee', 'place:Kansas City', 'person:Portland Courant');
    // A newspaper word with no place before it is not a newspaper by its shape.
    lacks(names('The Rising Sun Festival opens on Friday.'), 'organisation:Rising Sun');
  });

  it('reads a lone word as a company by its shares, its chairman or a merger', () => {
    has(names('Harlow Press said it had bought 25% of the shares of Tillbrook. Tillbrook’s former chairman, Anton Vey, sold his stake.'), 'organisation:Tillbrook', 'person:Anton Vey');
    has(names('Analysts expect the Quorva/Delmont merger to close in June.'), 'organisation:Quorva');
    has(names('Regional chains such as Pemberly have closed stores.'), 'organisation:Pemberly');
    // "Lilly’s chief executive" after "Eli Lilly" is that company.
    const lilly = names('Executives from Eli Lilly and Sanofi testified. Lilly’s chief executive said prices would fall.');
    has(lilly, 'organisation:Eli Lilly');
    lacks(lilly, 'organisation:Lilly');
    // Two names joined by a hyphen are neither one company.
    lacks(names('The Quorva-Delmont merger closed.'), 'organisation:Quorva-Delmont');
  });

  it('reads a lone word as a company when it speaks of "its" own, sells products or has shares bid for', () => {
    has(names('Harlow Press said its finances were impaired and that it could not pay its pension fund.'), 'organisation:Harlow Press');
    has(names('The chain reported a loss. Tillbrook said its finances were impaired.'), 'organisation:Tillbrook');
    has(names('Veltro speakers have long been popular, but none was portable.'), 'organisation:Veltro');
    has(names('In December the firm bid $16.50 per share for Tillbrook.'), 'organisation:Tillbrook');
    // "said it was" is how people speak too.
    lacks(names('Okafor said it was only the latest move.'), 'organisation:Okafor');
  });

  it('reads a known body whose name holds "and" as one, a family as no team, and a site whose name opens with a digit', () => {
    const found = names('The data come from Customs and Border Protection and the Drug Enforcement Administration.');
    has(found, 'organisation:Customs and Border Protection', 'organisation:Drug Enforcement Administration');
    lacks(found, 'place:Customs');
    lacks(names('He said Ukraine should investigate Burisma and the Bidens.'), 'organisation:Bidens');
    has(names('MacBook sale at Amazon from $700, AirPods, more - 9to5Mac\n\nToday only, Amazon offers the MacBook.'), 'organisation:9to5Mac');
  });

  it('reads a name its abbreviation follows in brackets as an organisation, but not a plural kind of thing', () => {
    const found = names('The plan was taken over by the Pension Benefit Guaranty Corporation (PBGC) in May. Staff of the Australian Energy Regulator (AER) agreed.');
    has(found, 'organisation:Pension Benefit Guaranty Corporation', 'organisation:Australian Energy Regulator');
    lacks(found, 'person:Regulator');
    lacks(names('The system serves Intensive Care Units (ICUs) across Europe.'), 'organisation:Intensive Care Units');
  });

  it('reads where someone works, after "analyst at", as an organisation, and by its full name when the text gives it', () => {
    const found = names('Sales fell, said Dana Whit, an analyst at Wedbush. Mara Lind, a professor at Kellmore, agreed.');
    has(found, 'organisation:Wedbush', 'organisation:Kellmore');
    lacks(found, 'place:Wedbush', 'place:Kellmore');
    const full = names('Hearth raised £22 million from Index Ventures. The partner at Index told me he liked the plan.');
    has(full, 'organisation:Index Ventures');
    lacks(full, 'organisation:Index');
  });

  it('reads an inner-capital brand as a product once the text writes it after its maker or before a model', () => {
    const found = names('Apple finally delivered the new AirPods Pro. The AirPods first launched in 2016. Use Apple’s AirPlay 2 to stream.');
    has(found, 'organisation:Apple');
    lacks(found, 'organisation:AirPods', 'organisation:AirPlay');
    // A company so written stays one.
    has(names('SoftBank’s WeWork cut jobs. WeWork said it would close 40 sites.'), 'organisation:WeWork');
  });

  it('reads a publication after its noun, two companies at "and", a show title as no team, and a person acting on their own', () => {
    has(names('The paper was published online today in the journal Stellar Physics.'), 'organisation:Stellar Physics');
    const pair = names('NASA chose Ceres Robotics and Tyvak Nano-Satellite Systems Inc, for delivery.');
    has(pair, 'organisation:Ceres Robotics', 'organisation:Tyvak Nano-Satellite Systems');
    lacks(pair, 'organisation:Ceres Robotics and Tyvak Nano-Satellite Systems');
    // (A body whose name holds "and" stays one.)
    has(names('The Securities and Exchange Commission opened an inquiry.'), 'organisation:Securities and Exchange Commission');
    lacks(names('He was the first star eliminated from Dancing with the Stars this season.'), 'organisation:Stars');
    has(names('The Chiefs beat the Raiders on Sunday.'), 'organisation:Raiders');
    lacks(names('Upon hearing the news, Marisol offered her spot to the runner-up.'), 'organisation:Marisol');
    has(names('There were layoffs at Meetly, which the group acquired in 2017.'), 'organisation:Meetly');
  });

  it('reads brokers and investors by what they do and the nouns before them, and leaves a work\'s title out', () => {
    const found = names('Analysts at Barclays and Harwick Lane said results were in line. Tolland analyst Mira Kost called the guidance cautious. Brennan Micro fell after Ostrander downgraded the stock. Existing investors Accelon and Battery Ventures joined.');
    has(found, 'organisation:Harwick Lane', 'organisation:Tolland', 'person:Mira Kost', 'organisation:Ostrander', 'organisation:Accelon');
    lacks(found, 'person:Harwick Lane');
    const work = names('With the installation Starry Night, the duo gives the city its night sky back. Ivana Jelic made it.');
    lacks(work, 'person:Starry Night', 'place:Starry Night');
    has(work, 'person:Ivana Jelic');
  });

  it('reads a maker before a product for sale, and no maker in a deal worth millions or a day\'s name', () => {
    const found = names('Our picks:\n\nVeltro Hybrid HR smartwatch for $195\n\nQuanta Mavic Mini for $399\n\nPrices held since Prime Day 2019.');
    has(found, 'organisation:Veltro', 'organisation:Quanta');
    lacks(found, 'person:Day', 'organisation:Prime');
    has(names('Harbor agreed to buy container operator Nordvik Line for $6.8 billion in cash.'), 'organisation:Nordvik Line');
    has(names('Doris Day sang on the show.'), 'person:Doris Day');
  });

  it('reads a name after a person and "and" as a person, a surname before "put it" as someone, and what was acquired as a company', () => {
    has(names('Ivana Jelic and Pavle Petrovska (Serbia) found inspiration in a painting.'), 'person:Pavle Petrovska');
    has(names('As Gaiman put it, the book should have sold.'), 'person:Gaiman');
    const found = names('Instead, Torvane, which had been recently acquired by Hollister, published the book.');
    has(found, 'organisation:Torvane', 'organisation:Hollister');
  });

  it('leaves awards out, and knows former presidents by surname', () => {
    const found = names('She had won the Philip K. Dick Award and two World Fantasy Awards.');
    lacks(found, 'person:Philip K. Dick Award', 'organisation:World Fantasy Awards');
    has(names('Unlike the Nixon impeachment, this one has no special prosecutor.'), 'person:Richard Nixon');
  });

  it('reads a lone word as someone after "who" or before a word for their office or family', () => {
    has(names('The bid fell short of the price demanded by Varga, who was then the largest shareholder.'), 'person:Varga');
    has(names('It is less simple than Okafor suggests. Okafor’s office did not respond.'), 'person:Okafor');
    // Not an institution's word: "St Mary's Hospital, who …" names no one.
    lacks(names('Patients discharged from the Hospital, who wear sensors, are tracked.'), 'person:Hospital');
  });

  it('reads a known company\'s name as the surname of someone named in full when the words say so', () => {
    const found = names('Novelist Jane M. Ford won two awards. Ford’s career stalled after her publisher folded.');
    has(found, 'person:Jane M. Ford');
    lacks(found, 'organisation:Ford');
    // Without such words the company stays a company.
    has(names('Henry Ford built a empire. Ford shares rose 3% on Tuesday.'), 'organisation:Ford');
  });

  it('reads the country opening a state body’s name as a mention of it, but not a continent’s or a university’s', () => {
    const found = names('The bill is before the US Senate, and the Russian Foreign Ministry called it interference.');
    has(found, 'place:United States', 'place:Russia');
    const none = names('The European Commission approved the grant to American University on Monday.');
    lacks(none, 'place:Europe', 'place:United States');
  });

  it('carries an abbreviated title over its full stop, and reads a state abbreviation after a place', () => {
    has(names('Former Massachusetts Gov. Deval Patrick entered the race.'), 'person:Deval Patrick');
    has(names('She was told by former National Security Adviser Lena Brandt to wait.'), 'person:Lena Brandt');
    const found = names('A sheriff’s office in Orange County, Calif., made the arrest.');
    has(found, 'place:California', 'place:Orange County');
  });
});
