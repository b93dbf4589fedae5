import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractQuotes } from './extract-quotes.js';
import { tagEntities } from './tag-entities.js';

function attributed(text: string) {
  const { entities, mentions } = tagEntities(text);
  return extractQuotes(text, mentions, entities);
}

const quotesOf = (text: string) => attributed(text).map((q) => [q.text.slice(0, 24), q.speakerName]);
/** Each quote's speaker as an entity of the text (null for someone unnamed). */
const slugsOf = (text: string) => attributed(text).map((q) => [q.text.slice(0, 24), q.speakerSlug]);

describe('findSpeaker: attribution as features and long reads write it', () => {
  it('reads “cautions that”, “bemoans that” and “as X put it” as verbs of speech', () => {
    assert.deepEqual(quotesOf('The results are promising, says Karen Holloway, a virologist at Emory University. She cautions that “we are years away from a treatment.”'), [
      ['we are years away from a', 'Karen Holloway'],
    ]);
    assert.deepEqual(quotesOf('As Daniel Ortega-Reyes put it, “Nobody in this town has ever seen water this high.”'), [['Nobody in this town has ', 'Daniel Ortega-Reyes']]);
    assert.deepEqual(quotesOf('Marcus Whitfield still bemoans that the stadium plan “should have been put to a public vote.”'), [['should have been put to ', 'Marcus Whitfield']]);
  });

  it('lets a pronoun stand for someone who speaks in the paragraph, though no sentence opens with them', () => {
    const text =
      'The method came from a lab in Leeds. Much of it was refined after the engineer Priya Raman explained the flaw to the team.\n\n“We were measuring the wrong thing for two years,” she said.';
    assert.deepEqual(quotesOf(text), [['We were measuring the wr', 'Priya Raman']]);
  });

  it('never gives a quote to someone the quote itself names', () => {
    const text =
      'Helen Brandt runs the family farm near Ulm. She introduced me to her cousin, Greta Voss.\n\n“I cannot imagine this valley without Greta and her goats,” she said.';
    assert.deepEqual(quotesOf(text), [['I cannot imagine this va', 'Helen Brandt']]);
  });

  it('prefers a woman named in the quote’s paragraph to a subject paragraphs before, for “she”', () => {
    const text =
      'Margaret Olsen has taught at the school since 1994.\n\nThe new head arrived in September. When the inspectors visited his deputy Ruth Castellano in her office, they found the records in order. “We had been ready for months,” she recalled.';
    assert.deepEqual(quotesOf(text), [['We had been ready for mo', 'Ruth Castellano']]);
  });

  it('lets a short answer’s attribution carry to the quote that goes on after it', () => {
    const text = 'Alan Pierce was asked whether he would run again.\n\n“No,” he said. “Not this time, and probably not ever again.”';
    assert.deepEqual(quotesOf(text), [['Not this time, and proba', 'Alan Pierce']]);
  });

  it('does not take the speaker of a quote that ends its own sentence from a verb further on', () => {
    const text =
      '“She never missed a shift,” Tom Reilly told me. “Not once in eleven years.” When the plant closed, his colleague Ann Fischer drove the last lorry out, she recalled.';
    assert.deepEqual(quotesOf(text), [
      ['She never missed a shift', 'Tom Reilly'],
      ['Not once in eleven years', 'Tom Reilly'],
    ]);
  });

  it('reads a name with an auxiliary before the verb', () => {
    assert.deepEqual(quotesOf('As Holmes would say, “You see, but you do not observe.”'), [['You see, but you do not ', 'Holmes']]);
  });

  it('leaves a relative unnamed when only whose relative they are is said, whatever the possessor was taken for', () => {
    const text = 'Jane Starling said the family had drifted apart. At some point, Ford’s father told her that “the only news I get of him is from the newspapers.”';
    assert.deepEqual(quotesOf(text), [['the only news I get of h', 'Ford’s father']]);
  });

  it('reads the verb after a quote in brackets without running into the next sentence', () => {
    const text = 'Lena Park found the note. (“We should have done this years ago,” was how Omar Haddad described it to friends.) Lena kept it.';
    assert.deepEqual(quotesOf(text), [['We should have done this', 'Omar Haddad']]);
  });

  it('gives a quote inside a sentence with no speaker to the reported speech of the sentence before, but not a title', () => {
    const text = 'It is unclear which came first, Dr. Ines Moreau says. Just because we found them in the gut first, “that does not mean they began there.”';
    assert.deepEqual(quotesOf(text), [['that does not mean they ', 'Ines Moreau']]);
    const title = 'Retiree Paul Kerr suggests saving a third of every raise. In his book “Quiet Money: How Small Savings Grow,” Kerr lays out the plan.';
    assert.deepEqual(quotesOf(title), [['Quiet Money: How Small S', null]]);
  });

  it('reads “the officer writes” and “said the coach” as the person named with that word', () => {
    const text =
      'The plan went to the county’s highways officer, Dean Mabry, last month. Residents say it ignores the school run.\n\nThe officer writes that the new junction “will cut queues at peak times by a third.”';
    assert.deepEqual(quotesOf(text), [['will cut queues at peak ', 'Dean Mabry']]);
    const match = 'Harlow Town coach Anna Lindqvist watched from the stand as Marek Nowak scored twice.\n\n“We were second to every ball in the first half,” said the coach.';
    assert.deepEqual(quotesOf(match), [['We were second to every ', 'Anna Lindqvist']]);
  });

  it('gives no words to an organisation of the audience told, and reads a name before an apposition and the verb', () => {
    const text =
      'Reed, who will chair the combined group, told analysts of Halden Capital on Tuesday that the deal would “pay for itself within three years.”';
    assert.deepEqual(quotesOf(text), [['pay for itself within th', 'Reed']]);
  });

  it('leaves a subject nobody is named in unnamed, whoever the rest of the sentence names', () => {
    const text =
      'Singer Mia Torres and footballer Dan Okafor have split, friends say.\n\nOne insider claimed that Okafor had moved out in March “while Mia was touring in Japan.”\n\nA representative for Torres said: “Mia is concentrating on her new album.”';
    assert.deepEqual(quotesOf(text), [
      ['while Mia was touring in', 'one insider'],
      ['Mia is concentrating on ', 'a representative for Torres'],
    ]);
  });

  it('reads an indefinite spokesperson of several words as someone new, and an epithet by its last word', () => {
    const ministry =
      'Health Minister Ruth Adeyemi told parliament the waiting lists were falling. “The figures speak for themselves,” a health ministry spokesperson said.';
    assert.deepEqual(quotesOf(ministry), [['The figures speak for th', 'a health ministry spokesperson']]);
    const race = 'Sofia Lindgren won the Oslo marathon on Sunday.\n\n“The last five kilometres were the hardest I have run,” the two-time world champion told NRK.';
    assert.deepEqual(quotesOf(race), [['The last five kilometres', 'Sofia Lindgren']]);
  });

  it('reads “the network warned that” as the organisation named last, preferring one that speaks', () => {
    const report =
      'Rainfall was 40% below average, the Kenya Meteorological Department said on Monday.\n\nThe department warned in its bulletin that the long rains “may fail for a third season in a row.”';
    assert.deepEqual(quotesOf(report), [['may fail for a third sea', 'Kenya Meteorological Department']]);
    const appeal =
      'Northwind Energy said it would take the ruling to the Court of Appeal in London. “We have followed every rule the regulator set,” the company said in a statement.';
    assert.deepEqual(quotesOf(appeal), [['We have followed every r', 'Northwind Energy']]);
  });

  it('does not make the one asked the subject, and reads a capitalised “The X-based founder” as an epithet', () => {
    const text =
      'Fintech founder Anika Rao has turned down an offer from rival Brightpay.\n\nThe Pune-based founder of lender Kredo was brief when asked about the offer: “We listened, and we said no.”';
    assert.deepEqual(quotesOf(text), [['We listened, and we said', 'Anika Rao']]);
  });

  it('gives a quote after a sentence opened by an epithet to the person it stands for', () => {
    const text =
      'Coach Sean Walsh was furious after the defeat.\n\nThe Corkman also defended his captain, Tadhg Moran, for going for the try. “Tadhg made the right call. I back him.”';
    assert.deepEqual(quotesOf(text), [['Tadhg made the right cal', 'Sean Walsh']]);
  });

  it('takes the speaker from before the verb, past a relative clause, before anyone named in what was said', () => {
    const text =
      'Former Danish fisheries minister Lars Holm on Sunday accused his party of abandoning the coast.\n\nThe former minister, who served under Mette Frederiksen, told broadcaster DR that the Social Democrats had “forgotten where they came from.”';
    assert.deepEqual(quotesOf(text), [['forgotten where they cam', 'Lars Holm']]);
    const pronoun = 'Dana Whitlock spoke after the vote. She told reporters that Governor Ray Ellis had “broken every promise he made.”';
    assert.deepEqual(quotesOf(pronoun), [['broken every promise he ', 'Dana Whitlock']]);
  });

  it('lets “he” stand for a surname the tagger did not know, when it opens a later sentence than anyone tagged', () => {
    const text =
      'The enzyme was first described by the chemist Karen Ashby in 2011. While Ashby was publishing, Quennell and his students spent a year trying to purify it. Quennell had almost given up by then.\n\n“We threw away six months of data,” he said.';
    assert.deepEqual(quotesOf(text), [['We threw away six months', 'Quennell']]);
    // (A capitalised word seen only where a sentence opens is no name: "Plunder can work …".)
    const common = 'The trial was run by Mark Ellison at the Royal Free Hospital. Ellison recruited 300 patients. Plunder can work as a strategy, as critics note.\n\n“It was the largest study of its kind,” he said.';
    assert.deepEqual(quotesOf(common), [['It was the largest study', 'Mark Ellison']]);
  });

  it('reads a title word standing alone after the verb as a surname, not after an article', () => {
    const text =
      'Tom Reilly, a fund manager, said the sale was overdue. The newspaper business is shrinking fast, and owners know it.\n\nPrivate buyers will keep cutting, says Doctor. “They treat every title as a building to be stripped for parts.”';
    assert.deepEqual(quotesOf(text), [['They treat every title a', 'Doctor']]);
    const monarch = 'The monarch toured the flooded valley on Tuesday. “We must rebuild these villages together,” said the King.';
    assert.notEqual(quotesOf(monarch)[0]![1], 'King');
  });
});

describe('findSpeaker: attributions real pages write', () => {
  it('keeps the speaker of a quote that opens right after a full stop with no space', () => {
    const text =
      '"We will keep making the case for the program and against its critics," said party chairman Tom Kessler."So that is one of the themes for the autumn: we must protect it."';
    assert.deepEqual(quotesOf(text), [
      ['We will keep making the ', 'Tom Kessler'],
      ['So that is one of the th', 'Tom Kessler'],
    ]);
  });

  it('does not take “to continue to” for a verb of speech', () => {
    const text =
      'Board chairman Arthur Lindqvist said the founder\'s "vision saved the company from ruin." He said that Marsh will continue to provide "his insights and his inspiration to the board."';
    assert.deepEqual(quotesOf(text), [
      ['vision saved the company', 'Arthur Lindqvist'],
      ['his insights and his ins', 'Arthur Lindqvist'],
    ]);
  });

  it('leaves a quote by an unnamed aide or spokesman after the verb unnamed, in several languages', () => {
    assert.deepEqual(quotesOf('"We will not comment on this at all," said a spokesman for John Tarrant.'), [['We will not comment on t', 'a spokesman']]);
    assert.deepEqual(quotesOf('«Le ministre a simplement rappelé les règles du jeu», explique un proche de Pierre Valmont.'), [['Le ministre a simplement', 'un proche']]);
    // (Unless the phrase names them in apposition.)
    assert.deepEqual(quotesOf('"We will not comment on this at all," said one of the lawyers, John Tarrant.'), [['We will not comment on t', 'John Tarrant']]);
  });
});

describe('findSpeaker: a quote in an opening participle’s clause', () => {
  it('gives it to the subject after the comma', () => {
    assert.deepEqual(quotesOf('WASHINGTON -- Declaring "the maritime soul of the corps" is at stake, Defense Secretary Robert Hale has ordered a review.'), [['the maritime soul of the', 'Robert Hale']]);
    assert.deepEqual(quotesOf('Calling the plan "a betrayal of every worker in this town," union leader Mary Alvarez walked out of the talks.'), [['a betrayal of every work', 'Mary Alvarez']]);
  });
});

describe('findSpeaker: what someone ordered or pledged', () => {
  it('gives a quote after "directives from X to" or "a call by X for" to X', () => {
    assert.deepEqual(quotesOf('Repression grew under President Tomas Varga. The detentions came from directives from Varga to “show absolutely no mercy to anyone”.'), [['show absolutely no mercy', 'Tomas Varga']]);
  });
});

describe('findSpeaker: an epithet after someone new is named', () => {
  it('gives “the former … manager said” to the boss named since the last quote', () => {
    const text =
      'Mikel Arteta praised the team. "Ethan has something you cannot coach," Arteta said.\n\nVilla boss Unai Emery felt his side deserved a point. "We had control, we had chances, and we lost," the former Arsenal manager said.';
    assert.deepEqual(quotesOf(text), [
      ['Ethan has something you ', 'Mikel Arteta'],
      ['We had control, we had c', 'Unai Emery'],
    ]);
  });
});

describe('findSpeaker: words that only end in -ing', () => {
  it('reads no participle’s clause in "During …" or a city’s name', () => {
    const text = 'During the hearing "we will never give up on this town" rang out, and Senator Bob Jones left the room.';
    assert.notEqual(quotesOf(text)[0]?.[1], 'Bob Jones');
  });
});

describe('findSpeaker: "he" or "she" before the verb is someone', () => {
  it('never gives the quote to an organisation named earlier in the sentence', () => {
    const text = 'The dish caused nose bleeds.\n\nThe runner-up, a student at Edinburgh University, came second, but she admitted the accolade "came with a price".';
    assert.deepEqual(quotesOf(text), [['came with a price', null]]);
  });

  it('gives it to the person the sentence opens with, named with an age', () => {
    const text = 'The dish caused nose bleeds.\n\nCurie, 21, a Korean exchange student at Edinburgh University, came second, but she admitted the accolade "came with a price".';
    assert.deepEqual(quotesOf(text), [['came with a price', 'Curie']]);
  });
});

describe('findSpeaker: a place the subject lives on or comes from is no speaker', () => {
  it('leaves "a man who lives on Mill Road said" unnamed, in reported speech and the quote after it', () => {
    const text =
      'Residents packed the village hall on Thursday.\n\nA man who lives on Mill Road said the lorries already kept him awake. "Nobody asked us. Not once."';
    assert.deepEqual(slugsOf(text), [['Nobody asked us. Not onc', null]]);
  });

  it('leaves "a teacher from Lyon told" unnamed before a quote', () => {
    const text = 'Parents gathered outside the school gates.\n\nA teacher from Lyon told reporters: "We were given no warning at all."';
    assert.deepEqual(slugsOf(text), [['We were given no warning', null]]);
  });

  it('still lets a country right before the verb speak for its government', () => {
    const text = 'Talks resumed in Geneva on Monday.\n\n"The door remains open," China said.';
    assert.deepEqual(quotesOf(text), [['The door remains open', 'China']]);
  });
});

describe('findSpeaker: a pronoun inside a French inverted verb', () => {
  it('is the subject, not someone the rest of the sentence names', () => {
    const text =
      "Le XV de Montauban s'est imposé samedi. L'ailier Marc Lefort a inscrit deux essais. « Je suis content pour l'équipe », a-t-il confié au micro de la radio locale, avant de saluer son adversaire direct, Thomas Bérard.";
    assert.deepEqual(quotesOf(text), [["Je suis content pour l'é", 'Marc Lefort']]);
  });
});

describe('findSpeaker: a surname the tagger did not know, opening the quote’s paragraph', () => {
  it('is whom “he” stands for, before someone named in the paragraph before', () => {
    const text =
      'You can only cut so much, says the planner Dana Whitcombe. Raising income matters more, she and her husband argued on their podcast.\n\nQuennevec recommends a second job. Rental income works best, he wrote in his book. A small business that covers your rent "buys you time and choices," he wrote.';
    assert.deepEqual(quotesOf(text), [['buys you time and choice', 'Quennevec']]);
  });

  it('is no one when the word opening the paragraph is followed by no verb in the present or past', () => {
    const text = 'The trial was run by Mark Ellison at the Royal Free Hospital.\n\nFlorvex can be given twice a day. "It was the largest study of its kind," he said.';
    assert.deepEqual(quotesOf(text), [['It was the largest study', 'Mark Ellison']]);
  });
});

describe('findSpeaker: an unnamed subject stands for a pronoun only from the sentence before', () => {
  it('never takes the words before a quote inside its own sentence for the speaker', () => {
    const text = 'Mark Ellison runs a bakery in Leeds.\n\nA small business that covers your rent "buys you time and choices," he wrote.';
    assert.deepEqual(quotesOf(text), [['buys you time and choice', 'Mark Ellison']]);
  });
});

describe('findSpeaker: someone unnamed before the verb, in other languages', () => {
  it('leaves an unnamed source of a ministry unnamed, not the ministry', () => {
    const pt = 'O ministro Adelino Costa visitou a refinaria.\n\nUma fonte do Ministério da Energia disse à agência Lusa que a reparação “poderá durar pelo menos um mês”.';
    assert.deepEqual(slugsOf(pt), [['poderá durar pelo menos ', null]]);
    const es = 'El ministro Carlos Pardo visitó la planta.\n\nUna portavoz del Ministerio de Industria explicó que el cierre “será temporal y no afectará al empleo”.';
    assert.deepEqual(slugsOf(es), [['será temporal y no afect', null]]);
  });
});

describe('findSpeaker: "the statement said" speaks for whoever issued it', () => {
  it('gives it to the company a statement came from', () => {
    const text =
      'Harlow Freight has grounded its fleet of cargo drones after a crash near Leeds on Friday, according to a statement from the company.\n\n“We are working closely with the Civil Aviation Authority,” the statement said.';
    assert.deepEqual(quotesOf(text), [['We are working closely w', 'Harlow Freight']]);
  });

  it('gives it to the body that is the subject nearby, not to the people a clause before names', () => {
    const text =
      'The Monetary Policy Committee kept rates on hold. Two members, Deputy Governor Ann Keller and Professor Rui Santos, dissented, with the statement noting only that they “preferred an immediate cut”.';
    assert.deepEqual(quotesOf(text), [['preferred an immediate c', 'Monetary Policy Committee']]);
  });

  it('still gives “the company said” to the company named last', () => {
    const text = 'Shares of Brightwell Energy plc fell 4% on Monday. “We expect a stronger second half,” the company said.';
    assert.deepEqual(quotesOf(text), [['We expect a stronger sec', 'Brightwell Energy']]);
  });
});

describe('findSpeaker: an age epithet stands for the person of that age', () => {
  it('gives “he” after “The teenager …” to the teenager named with his age, not the coach quoted before', () => {
    const text =
      'Rovers manager Gary Lund praised 18-year-old Callum Doyle after the win.\n\n"He has no fear at all," Lund said.\n\nThe teenager, who came off the bench at half-time, scored twice in ten minutes. "I just wanted to get on the ball," he told BBC Radio Leeds.';
    assert.deepEqual(quotesOf(text), [
      ['He has no fear at all', 'Gary Lund'],
      ['I just wanted to get on ', 'Callum Doyle'],
    ]);
  });

  it('gives “the 34-year-old said” to the one named with that age', () => {
    const text =
      'Defender Tom Harte, 34, and midfielder Luis Mora, 22, both signed new deals.\n\n"It was never in doubt," Mora said. "I have unfinished business here," the 34-year-old said.';
    assert.deepEqual(quotesOf(text), [
      ['It was never in doubt', 'Luis Mora'],
      ['I have unfinished busine', 'Tom Harte'],
    ]);
  });
});

describe('findSpeaker: a verb of speech after a conjunction', () => {
  it('takes the subject the sentence opens with, not a name in apposition before the verb', () => {
    const text =
      'Rovers drew 1-1 at home on Saturday.\n\nCoach Ian Harris thanked the referee, Mark Dean, but warned that his side had been lucky. "We cannot defend like that again."';
    assert.deepEqual(quotesOf(text), [['We cannot defend like th', 'Ian Harris']]);
    const pt = 'O Benfica empatou.\n\nO treinador Rui Costa poupou críticas ao árbitro, Paulo Mendes, mas lamentou a lesão do capitão. “Perdemos o nosso líder cedo demais.”';
    assert.deepEqual(quotesOf(pt), [['Perdemos o nosso líder c', 'Rui Costa']]);
  });
});

describe('findSpeaker: an opening paragraph whose speaker agency copy names later', () => {
  it('gives “The mayor … calling it “…”” to the person named with that title after it', () => {
    const text =
      'LAGOS, Nigeria (AP) — The mayor of the port city on Monday rejected claims that he had sold council land, calling them “a story invented by my rivals.”\n\n“Every sale was approved in public,” Mayor Tunde Bakare told reporters.';
    assert.deepEqual(quotesOf(text), [
      ['a story invented by my r', 'Tunde Bakare'],
      ['Every sale was approved ', 'Tunde Bakare'],
    ]);
  });

  it('leaves it unnamed when no one is named later with that title', () => {
    const text = 'The mayor on Monday rejected the claims, calling them “a story invented by my rivals.”\n\n“Every sale was approved in public,” council leader Ann Price said.';
    assert.deepEqual(slugsOf(text)[0], ['a story invented by my r', null]);
  });
});

describe('findSpeaker: a name in apposition before the verb speaks', () => {
  it('lets “he” stand for “The head of …, Daniel Okafor, said”, not someone the head’s title names', () => {
    const text =
      'Dock workers walked out on Monday.\n\nThe head of the port authority of Carlo Mendes, Daniel Okafor, said talks would resume. "We will meet them again on Friday," he added.';
    assert.deepEqual(quotesOf(text), [['We will meet them again ', 'Daniel Okafor']]);
  });
});

describe('findSpeaker: "the company said" is no public body’s words', () => {
  it('never gives them to a court or a commission named before', () => {
    const text =
      'The European Commission fined Orvanta 500 million euros on Tuesday.\n\nOrvanta said it would appeal to the General Court. "We believe this decision is wrong in law," the company said in a statement.';
    assert.notEqual(quotesOf(text)[0]?.[1], 'General Court');
    assert.notEqual(quotesOf(text)[0]?.[1], 'European Commission');
  });

  it('still gives them to a company named before a court', () => {
    const text = 'Brightwell Energy plc lost its case at the High Court on Monday. "We will study the ruling carefully," the company said.';
    assert.deepEqual(quotesOf(text), [['We will study the ruling', 'Brightwell Energy']]);
  });
});

describe('findSpeaker: a subject after an opening phrase, in lower case', () => {
  it('lets the pronoun of an inverted verb stand for “…, l’attaquant malien X a été élu”', () => {
    const text =
      "« Nous avons beaucoup souffert en première période », a reconnu l'entraîneur Pierre Vasseur.\n\nAuteur d'un doublé, l'attaquant malien Seydou Kanouté a été élu homme du match. « Je dédie ces buts à ma mère », a-t-il confié.";
    assert.deepEqual(quotesOf(text), [
      ['Nous avons beaucoup souf', 'Pierre Vasseur'],
      ['Je dédie ces buts à ma m', 'Seydou Kanouté'],
    ]);
  });
});

describe('findSpeaker: "the museum said" is the organisation named with that word', () => {
  it('passes over a body named later in passing', () => {
    const text =
      "The Field Museum of Natural History will return a carved panel to Peru after an inquiry by the Cook County State's Attorney's Office.\n\nThe panel was bought in 1962.\n\n\"We are committed to a collection whose history is beyond doubt,\" the museum said.";
    assert.deepEqual(quotesOf(text), [['We are committed to a co', 'Field Museum of Natural History']]);
  });
});
