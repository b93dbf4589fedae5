import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractQuotes } from './extract-quotes.js';
import { tagEntities } from './tag-entities.js';

function quotesOf(text: string) {
  const { entities, mentions } = tagEntities(text);
  return extractQuotes(text, mentions, entities).map((q) => [q.text.slice(0, 24), q.speakerName]);
}

describe('extractQuotes: speakers', () => {
  it('gives a continuation quote the speaker of its attribution', () => {
    const text =
      'Chargers coach Anthony Lynn said the loss hurt.\n\n“We talked all along about everything we wanted,” Lynn said. “Yes, we needed to win this game today and we did not.”';
    assert.deepEqual(quotesOf(text), [
      ['We talked all along abou', 'Anthony Lynn'],
      ['Yes, we needed to win th', 'Anthony Lynn'],
    ]);
  });

  it('carries the speaker into the next paragraph only when nothing else stands between', () => {
    const text =
      '“This is a stock that had been getting clobbered for years,” Matt Maley said on Monday. “It was down for four straight years in a row.”\n\nAnalysts at the bank disagreed with him entirely. “It is far too early to call a bottom here,” one of them wrote.';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes[1], ['It was down for four str', 'Matt Maley']);
    assert.notEqual(quotes[2]![1], 'Matt Maley');
  });

  it('skips a name inside a relative clause when the subject is named before it', () => {
    const text =
      'Brennan will retire next month.\n\nTrainer Siobhan Mulcahy, for whom Brennan has ridden since 2009, called him “the most honest man in the weighing room.”';
    assert.deepEqual(quotesOf(text), [['the most honest man in t', 'Siobhan Mulcahy']]);
  });

  it('never gives a quote to the wire credited in the dateline', () => {
    const text =
      'ABUJA, Nigeria (AP) — The governor of Nigeria’s Kadera State on Wednesday dismissed accusations that he diverted funds meant for rural roads, calling them “a coordinated campaign of lies.”';
    assert.notEqual(quotesOf(text)[0]![1], 'Associated Press');
    const release = 'NEW YORK, May 4, 2021 /PRNewswire/ — Lumenstack, a maker of storage software, said its new product was “the fastest we have ever built.”';
    assert.notEqual(quotesOf(release)[0]![1], 'PR Newswire');
  });

  it('skips a name inside an apposition when the subject is named before it', () => {
    const text =
      'Beijing raised the pressure on Hong Kong on Monday.\n\nThe People’s Daily, the mouthpiece of the Communist party, warned that “any attempt to split the country will fail.”';
    assert.deepEqual(quotesOf(text), [['any attempt to split the', "People's Daily"]]);
    // (An opening phrase is no name to describe: ", the People’s Daily," after "On Monday" is the subject.)
    const opened = 'Hong Kong is burning.\n\nOn Monday, the People’s Daily, the mouthpiece of the Communist party, warned that there is “absolutely no room for any compromise”.';
    assert.deepEqual(quotesOf(opened), [['absolutely no room for a', "People's Daily"]]);
  });

  it('lets a subject of ordinary words before the verb speak, not someone named after it', () => {
    assert.deepEqual(quotesOf('“We are deeply saddened by this loss,” the family said in a statement released by their lawyer, Mark Geragos.'), [
      ['We are deeply saddened b', 'the family'],
    ]);
    assert.deepEqual(quotesOf('Prince Andrew spoke to the BBC.\n\n“His friendship with Epstein is under investigation,” the expert warned.'), [
      ['His friendship with Epst', 'the expert'],
    ]);
    // (An adverb between speaker and verb is still read as one: "Smith later said".)
    assert.deepEqual(quotesOf('“It was a long night for everyone,” Jane Smith quietly said.'), [['It was a long night for ', 'Jane Smith']]);
  });

  it('gives an interview’s answers to the one interviewed, and quote paragraphs to whom the paragraph before introduces', () => {
    const interview =
      'Nadia Farouk-Hale has led aid operations for Oxfam since 2019. She spoke to the Gazette by phone.\n\nWhat is the biggest obstacle right now?\n\n“Access, every single day. The trucks have waited for nineteen days.”\n\nThe United Nations says half the population faces hunger. Do you share that assessment?\n\n“If anything it is conservative.”';
    assert.deepEqual(quotesOf(interview), [
      ['Access, every single day', 'Nadia Farouk-Hale'],
      ['If anything it is conser', 'Nadia Farouk-Hale'],
    ]);
    const speech =
      'Leo Cullen did not hide his anger after the final.\n\nThe Leinster head coach spoke for nearly ten minutes, most of it about a disallowed try.\n\n“I have watched it three times now and I still cannot see a knock-on.”';
    assert.deepEqual(quotesOf(speech), [['I have watched it three ', 'Leo Cullen']]);
  });

  it('reads “the Frenchman said” as the person named before, not as a name', () => {
    const text = 'Julien Gasquet-Moreau beat Casper Ruud on Friday.\n\n“My body is telling me to stop, but my head is still young,” the Frenchman said afterwards.';
    assert.deepEqual(quotesOf(text), [['My body is telling me to', 'Julien Gasquet-Moreau']]);
  });

  it('leaves an unnamed resident and a spokesperson unnamed after a named fire chief, and never gives words to the outlet told', () => {
    const text =
      '“This fire is moving faster than our crews can get ahead of it,” Los Angeles County Fire Chief Anthony C. Marrone said.\n\nDeputies went door to door. “We have had some residents refuse to evacuate,” a sheriff’s spokesperson said.\n\nOne resident, who was loading horses into a trailer, said the sky had turned orange. “I have never seen it come over the ridge like that,” he said.\n\nMarrone told broadcaster KTLA that crews “will be working through the night.”';
    assert.deepEqual(quotesOf(text), [
      ['This fire is moving fast', 'Anthony C. Marrone'],
      ['We have had some residen', 'a sheriff’s spokesperson'],
      ['I have never seen it com', 'one resident'],
      ['will be working through ', 'Anthony C. Marrone'],
    ]);
  });

  it('resolves a pronoun to the last named person it fits', () => {
    const text =
      'Michelle Hege runs the agency. Her partner, David Daniels, was in Spokane.\n\n“The proof is in the pudding, as always,” she said.';
    assert.deepEqual(quotesOf(text), [['The proof is in the pudd', 'Michelle Hege']]);
  });

  it('never makes the person threatened the speaker', () => {
    const text =
      'Patrick Carlineo Jr. admitted he had threatened Rep. Ilhan Omar. “I will put a bullet in her skull,” he told the FBI agent on the phone.';
    assert.deepEqual(quotesOf(text), [['I will put a bullet in h', 'Patrick Carlineo Jr']]);
  });

  it('reads “Name: quote” headlines and a long apposition before the verb', () => {
    assert.deepEqual(quotesOf('Anthony Lynn: “We needed to win this game”'), [['We needed to win this ga', 'Anthony Lynn']]);
    const text =
      '“The third requirement, liquid water, is hard to find,” study lead author Lucas Paganini, a planetary scientist at NASA’s Goddard Space Flight Center in Greenbelt, Maryland, said in a statement.';
    assert.deepEqual(quotesOf(text), [['The third requirement, l', 'Lucas Paganini']]);
  });

  it('takes the name next to the verb over an organisation named further off', () => {
    const text = 'Later, in remarks at the Communist Party headquarters in Hanoi, Esper said, “We strongly oppose violations of international law by China.”';
    assert.deepEqual(quotesOf(text), [['We strongly oppose viola', 'Esper']]);
    assert.deepEqual(quotesOf('Noem later tweeted that the epidemic “needs to be a dinner table conversation.”'), [['needs to be a dinner tab', 'Kristi Noem']]);
  });

  it('gives “said the actor” to the person last quoted', () => {
    const text =
      '“We lost the baby this weekend, and it hurts,” James Van Der Beek said.\n\n“You never know why these things happen to people,” said the actor. “It makes you more human.”';
    assert.deepEqual(quotesOf(text), [
      ['We lost the baby this we', 'James Van Der Beek'],
      ['You never know why these', 'James Van Der Beek'],
      ['It makes you more human.', 'James Van Der Beek'],
    ]);
  });

  it('reads quotes whose opening and closing marks differ', () => {
    const text = '“Our third quarter results reflected broad-based growth," chief executive Craig Menear said in the release.';
    assert.deepEqual(quotesOf(text), [['Our third quarter result', 'Craig Menear']]);
  });

  it('reads British single marks, not closed by an apostrophe', () => {
    assert.deepEqual(quotesOf('‘We don’t know yet what caused the fire,’ said Dany Cotton, the London fire commissioner.'), [
      ['We don’t know yet what c', 'Dany Cotton'],
    ]);
  });

  it('accepts tweeted as a verb of speech', () => {
    assert.deepEqual(quotesOf('“Meth is a serious problem in our state,” Kristi Noem tweeted Monday night.'), [['Meth is a serious proble', 'Kristi Noem']]);
  });
});

describe('extractQuotes: attribution across sentences and paragraphs', () => {
  it('reads an attribution that follows a quote ending its own sentence', () => {
    const text = 'The minister was unrepentant. “I would do exactly the same thing again tomorrow.” Ana Costa said she had no regrets.';
    assert.deepEqual(quotesOf(text), [['I would do exactly the s', 'Ana Costa']]);
  });

  it('keeps the quote’s own introduction over the next sentence’s subject', () => {
    const text =
      'Sam Altman, the company’s chief executive, said on Tuesday: “This is the biggest step we have taken this year.” Critics warned about the energy the systems consume.';
    assert.deepEqual(quotesOf(text), [['This is the biggest step', 'Sam Altman']]);
  });

  it('reads a quote paragraph introduced by a colon at the end of the paragraph before', () => {
    const text = 'Prime Minister Boris Johnson told MPs:\n\n“We will not allow this country to be held to ransom by anyone.”';
    assert.deepEqual(quotesOf(text), [['We will not allow this c', 'Boris Johnson']]);
  });

  it('gives a colon’s quote to the subject of the clause the colon ends', () => {
    const text = 'Maria Lopez has run the shelter since 2003. Lopez was blunt: “Nobody should leave a dog out in this heat.”';
    assert.deepEqual(quotesOf(text), [['Nobody should leave a do', 'Maria Lopez']]);
  });

  it('continues the reported speech that ends the paragraph before a quote paragraph', () => {
    const text =
      'Mark Carney, the governor of the Bank of England, said the risks to the economy were rising.\n\n“We are watching the housing market very closely.”';
    assert.deepEqual(quotesOf(text), [['We are watching the hous', 'Mark Carney']]);
  });

  it('gives a quote left open at its paragraph’s end the speaker of the paragraph that goes on with it', () => {
    const text = '“We’re proud of what we have achieved this season.\n\n“But there is a lot more work to do,” said coach Steve Kerr.';
    assert.deepEqual(quotesOf(text), [
      ['We’re proud of what we h', 'Steve Kerr'],
      ['But there is a lot more ', 'Steve Kerr'],
    ]);
  });

  it('gives words quoted again as a pull quote to whoever said them in full', () => {
    const text =
      '“My fears have been realized”\n\nTim Morrison told the committee, “I feared at the time how its disclosure would play in Washington. My fears have been realized.”';
    assert.deepEqual(quotesOf(text), [
      ['My fears have been reali', 'Tim Morrison'],
      ['I feared at the time how', 'Tim Morrison'],
    ]);
  });

  it('reads a signature after a dash', () => {
    const text = '“We are watching the housing market very closely. We will act if we need to.”\n\n— Mark Carney';
    assert.deepEqual(quotesOf(text), [['We are watching the hous', 'Mark Carney']]);
  });
});

describe('extractQuotes: who the verb’s subject is', () => {
  it('does not end the attribution at a title’s full stop', () => {
    assert.deepEqual(quotesOf('“We need to get this done before the end of the year,” said Sen. Elizabeth Warren.'), [
      ['We need to get this done', 'Elizabeth Warren'],
    ]);
  });

  it('prefers the one who said it to the outlet that reported it', () => {
    assert.deepEqual(quotesOf('“The data simply do not support that conclusion,” Jane Doe said, according to the BBC.'), [
      ['The data simply do not s', 'Jane Doe'],
    ]);
  });

  it('reads verbs that introduce a quote: called, urged', () => {
    assert.deepEqual(quotesOf('President Donald Trump called the inquiry “the greatest witch hunt in American history.”'), [
      ['the greatest witch hunt ', 'Donald Trump'],
    ]);
    assert.deepEqual(quotesOf('Fauci urged Americans to “wear a mask when you go out in public.”'), [['wear a mask when you go ', 'Anthony Fauci']]); // (the gazetteer knows him by surname)
  });

  it('takes no subject from a participle or a second verb after the quote', () => {
    const text =
      'Mike Pompeo said Washington had concluded the settlements were “not, per se, inconsistent with international law,” saying he trusted the courts to decide.';
    assert.deepEqual(quotesOf(text), [['not, per se, inconsisten', 'Mike Pompeo']]);
    assert.deepEqual(quotesOf('Dr. Anthony Fauci warned that “we are not out of the woods yet” and urged people to stay home.'), [
      ['we are not out of the wo', 'Anthony Fauci'],
    ]);
  });

  it('never makes the one spoken to, or the speaker’s employer’s possessor, the speaker', () => {
    // An unnamed speaker keeps the article's words, with no entity.
    assert.deepEqual(quotesOf('“We are not going to comment on this matter at all,” a spokesperson told Reuters.'), [['We are not going to comm', 'a spokesperson']]);
    assert.deepEqual(quotesOf('“I did nothing wrong and I will prove it in court,” said Jane Doe’s lawyer, John Roe.'), [
      ['I did nothing wrong and ', 'John Roe'],
    ]);
  });

  it('leaves a spokesperson or an official unnamed, not the organisation they speak for', () => {
    assert.deepEqual(quotesOf('“We will look at every option available to us,” a Google spokesperson said.'), [['We will look at every op', 'a Google spokesperson']]);
    assert.deepEqual(quotesOf('“We do not comment on rumours or speculation,” a spokesperson for Tesla said.'), [['We do not comment on rum', 'a spokesperson for Tesla']]);
    assert.deepEqual(quotesOf('“The reforms are moving far too slowly,” an official at the World Bank said.'), [['The reforms are moving f', 'an official at the World Bank']]);
  });

  it('gives “the company said” to the organisation last named', () => {
    const text = 'Boeing said it would appeal. “We believe the verdict is inconsistent with the evidence,” the company said.';
    assert.deepEqual(quotesOf(text), [['We believe the verdict i', 'Boeing']]);
  });

  it('gives “he added” to the last speaker when no one new is named since', () => {
    const text =
      '“We had a productive conversation about the future,” Smith said of Barack Obama. “We agreed on almost everything that matters,” he added.';
    assert.deepEqual(quotesOf(text), [
      ['We had a productive conv', 'Smith'],
      ['We agreed on almost ever', 'Smith'],
    ]);
  });

  it('lets a country right before the verb speak for its government', () => {
    assert.deepEqual(quotesOf('“We will respond firmly to any provocation in the region,” China said on Monday.'), [['We will respond firmly t', 'China']]);
  });

  it('resolves a surname the tagger left alone to the person named in full', () => {
    const text = 'The mayor, Karen Bass, spoke after the vote. “This is a historic day for our city.” Bass said the plan would take years.';
    assert.deepEqual(quotesOf(text), [['This is a historic day f', 'Karen Bass']]);
  });

  it('resolves a pronoun to a recent subject before a person named as an object', () => {
    const text =
      'Scotland manager Steve Clarke named his squad on Tuesday. It includes Andy Robertson, who missed the last game with an injury.\n\n“We have a need and saw a need to bring in new faces,” he said.';
    assert.deepEqual(quotesOf(text), [['We have a need and saw a', 'Steve Clarke']]);
  });

  it('gives “the 45-year-old said” to the person last named', () => {
    const text = 'Maria Lopez moved to Tucson in 2003.\n\n“I never thought I would stay this long in the desert,” the 45-year-old said.';
    assert.deepEqual(quotesOf(text), [['I never thought I would ', 'Maria Lopez']]);
  });

  it('gives “the Marseille-born chef said” to the person last named: where someone is from, then what they do', () => {
    const text = 'Aziz Benali runs one of the most talked-about restaurants in London.\n\n“She would look at the plates and ask where the food was,” the Marseille-born chef said in an interview.';
    assert.deepEqual(quotesOf(text), [['She would look at the pl', 'Aziz Benali']]);
  });
});

describe('extractQuotes: other languages', () => {
  it('reads German, Portuguese, Indonesian and Russian attributions', () => {
    assert.deepEqual(quotesOf('„Wir werden alles tun, um die Arbeitsplätze zu sichern“, so Olaf Scholz am Montag.'), [
      ['Wir werden alles tun, um', 'Olaf Scholz'],
    ]);
    assert.deepEqual(quotesOf('"Estamos muito satisfeitos com o resultado final do jogo", disse o técnico Tite.'), [['Estamos muito satisfeito', 'Tite']]);
    assert.deepEqual(quotesOf('"Kita harus bekerja lebih keras untuk rakyat," kata Joko Widodo.'), [['Kita harus bekerja lebih', 'Joko Widodo']]);
    assert.deepEqual(quotesOf('«Мы не допустим повторения этой ситуации», — заявил Владимир Путин.'), [['Мы не допустим повторени', 'Владимир Путин']]);
  });
});

describe('extractQuotes: speakers known by an epithet, a title or an apposition', () => {
  it('gives “the “Pose” actor previously said on “DWTS”” to the actor named before, not the show', () => {
    const text =
      'Dana Whitlock shared a clip of the scan.\n\n"Hearing the heartbeat was something we never take for granted," the "Pose" actor previously said on "DWTS."';
    assert.deepEqual(quotesOf(text), [['Hearing the heartbeat wa', 'Dana Whitlock']]);
  });

  it('gives a quote to the person before a title and a company’s regional arm', () => {
    const text = 'Rob Calder, President Corvex North America, says: “By working with hospitals, we can cut the alarms nurses hear.”';
    assert.deepEqual(quotesOf(text), [['By working with hospital', 'Rob Calder']]);
  });

  it('gives a quote to a surname alone when it says it, with or without an apposition', () => {
    assert.deepEqual(quotesOf('“We are paid to be nosy about these things,” Okafor said.'), [['We are paid to be nosy a', 'Okafor']]);
    assert.deepEqual(quotesOf('Hartwell, who chairs the board, told investors that the merger would “return capital to shareholders quickly.”'), [
      ['return capital to shareh', 'Hartwell'],
    ]);
  });
});

describe('extractQuotes: quotes whose speaker stands outside their own sentence', () => {
  it('gives a quote with no attribution to whom the sentence before it is about, or to a subject before a dash', () => {
    const text =
      'Coach Ivan Petrov praised his side after the draw.\n\nHis rival Samuel Okoro was unrepentant. “I celebrate when my players fight like that, always.”\n\nOkoro’s captain kept it simple — “We dropped two points, simple as that.”';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes[0], ['I celebrate when my play', 'Samuel Okoro']);
  });

  it('reads an epithet as the person the story is about, and a nationality as a person, not a country', () => {
    const text =
      'Tennis star Elena Varga beat Japan’s Mio Tanaka on Tuesday.\n\nTanaka, who had treatment on her shoulder, refused to blame the injury. “She played better in the big moments, that is all,” the Japanese said.';
    assert.deepEqual(quotesOf(text), [['She played better in the', 'Mio Tanaka']]);
    const told = 'Soap star Jake Morrow has married make-up artist Priya Chand.\n\n“We just wanted it to be us and the rain,” the actor told The Daily Post.';
    assert.deepEqual(quotesOf(told), [['We just wanted it to be ', 'Jake Morrow']]);
  });

  it('gives a verb with no written subject (Spanish, Portuguese, Indonesian -nya) to the subject before it', () => {
    const spanish = 'La portavoz de la oposición, Lucía Ferrán, se mostró escéptica. “Es la cuarta vez que nos prometen este metro”, afirmó.';
    assert.deepEqual(quotesOf(spanish), [['Es la cuarta vez que nos', 'Lucía Ferrán']]);
    const indonesian = 'Kepala dinas, Sri Wahyudi, mengatakan ribuan warga masih mengungsi. "Kebutuhan paling mendesak adalah air bersih," ujarnya.';
    assert.deepEqual(quotesOf(indonesian), [['Kebutuhan paling mendesa', 'Sri Wahyudi']]);
  });

  it('reads French inverted verbs and another language’s word for “the company”', () => {
    const french = "Le ministre, Karim Benali, a salué l'accord. « Les passagers n'ont pas à être pris en otage », a-t-il ajouté.";
    assert.deepEqual(quotesOf(french), [["Les passagers n'ont pas ", 'Karim Benali']]);
    const portuguese = 'A empresa Kuanza Energia suspendeu a produção.\n\n“Não há registo de feridos e a situação está controlada”, afirmou a empresa na nota.';
    assert.deepEqual(quotesOf(portuguese), [['Não há registo de ferido', 'Kuanza Energia']]);
  });

  it('reads verbs that denounce, regret or recall in French, Spanish and Portuguese', () => {
    const french = "La grève a paralysé les gares. La ministre des Transports, Claire Moreau, a dénoncé un mouvement « irresponsable en pleine rentrée scolaire ».";
    assert.deepEqual(quotesOf(french), [['irresponsable en pleine ', 'Claire Moreau']]);
    const spanish = 'El alcalde de Sevilla, Antonio Ruiz, lamentó que la obra “llegue con cuatro años de retraso”.';
    assert.deepEqual(quotesOf(spanish), [['llegue con cuatro años d', 'Antonio Ruiz']]);
    const portuguese = '“A decisão foi tomada sem ouvir os trabalhadores”, denunciou o sindicalista Paulo Mendes.';
    assert.deepEqual(quotesOf(portuguese), [['A decisão foi tomada sem', 'Paulo Mendes']]);
  });
});

describe('extractQuotes: titles of several words and organisations by what they are', () => {
  it('reads a title with words between its title words, and continues the quote after it', () => {
    const text = '“Our cohorts are among the best in the world,” said Dr. Freya Sand, Chief Scientific Officer of Orvella. “Combining them with our platform could cut years.”';
    assert.deepEqual(quotesOf(text), [
      ['Our cohorts are among th', 'Freya Sand'],
      ['Combining them with our ', 'Freya Sand'],
    ]);
  });

  it('gives “the museum said” to the museum named before', () => {
    const text = 'The Whitcombe Museum returned the statues on Thursday.\n\n“We are committed to the highest standards of provenance,” the museum said in a statement.';
    assert.deepEqual(quotesOf(text), [['We are committed to the ', 'Whitcombe Museum']]);
  });
});

describe('extractQuotes: a quote its passage cuts off', () => {
  it('reads a quote opened after a colon to the end of its paragraph when no mark closes it', () => {
    const text = 'Mary Curie came second in the contest.\n\nShe said: "I have always enjoyed spicy foods and thought this was for a good cause. But it came with a price.';
    assert.deepEqual(quotesOf(text), [['I have always enjoyed sp', 'Mary Curie']]);
    // (Not a mark left open anywhere else: inches, a stray mark.)
    assert.deepEqual(quotesOf('The screen measures 27" across and costs less than the old one.\n\nShipping starts in May.'), []);
  });
});
