// The public site's messages in Finnish.
import type { Catalog } from '../messages.js';

export const fi: Catalog = {
  resultsTitle: '{election}: tulokset',
  testBanner: 'TESTI: nämä eivät ole todellisia vaalituloksia',
  unofficial: 'Alustavat tulokset: vaaliviranomainen vahvistaa lopulliset tulokset.',
  allCertified:
    'Vahvistetut tulokset: vaaliviranomainen on vahvistanut kaikki tämän sivun tulokset.',
  contestStatus:
    '{status, select, early {Liian aikaista sanoa} called {Ratkaistu} recount {Uudelleenlaskenta käynnissä} certified {Vahvistettu} other {Epäviralliset}}',
  statusWinners: '{status}: {winners}',
  statusSince: '{time} alkaen (lokikirjaus {entry, number})',
  skipToContent: 'Siirry tuloksiin',
  home: 'Kaikki vaalit ja äänestykset',
  language: 'Kieli',
  summary: 'Yhteenveto',
  contests: 'Vaalit ja äänestykset',
  areas: 'Alueet',
  reportingUnits: 'Raportointiyksiköt',
  fullyReported:
    '{level}: kokonaan laskettu {fully, number}/{expected, number} ({share, number, percent})',
  partlyReported: 'lisäksi {partly, number} osittain laskettu',
  sentResults: '{level}: tulokset lähettänyt {reported, number}/{expected, number}',
  expectedVote: 'Odotetusta äänimäärästä on laskettu noin {share, number, percent}',
  expectedVoteNote:
    'Odotettu äänimäärä on arvio: kunkin äänestystavan äänestyslippujen määrää äänioikeutettua kohden (tai vaaliviranomaisen odottamaa äänestyslippua kohden) niissä paikoissa, joissa äänestystapa on laskettu, sovelletaan paikkoihin, jotka eivät ole vielä ilmoittaneet sen tuloksia. Paikka on kokonaan laskettu, kun sen kaikkien äänestystapojen tulokset on saatu.',
  fullyShort: 'Kokonaan laskettu',
  expectedShort: 'Laskettu odotetusta äänimäärästä',
  unitStatus:
    '{status, select, full {Kokonaan laskettu} partly {Osittain laskettu} other {Ei vielä tuloksia}}',
  turnout:
    'Äänestysprosentti: {share, number, percent} (annettuja äänestyslippuja {ballots, number}, äänioikeutettuja {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# annettu äänestyslippu} other {# annettua äänestyslippua}}',
  choice: 'Vaihtoehto',
  party: 'Puolue',
  votes: 'Äänet',
  share: 'Osuus',
  ballotsCast: 'Annetut äänestysliput',
  overvotes: 'Liian monta valintaa',
  undervotes: 'Käyttämättä jääneet äänet',
  total: 'Yhteensä',
  leading: 'Kärjessä',
  winner: 'Voittaja',
  outcome: 'Tulos',
  measureChoice: '”{choice}”',
  noVotesYet: 'Ääniä ei ole vielä laskettu',
  voteFor: 'Valittavien määrä: {n, number}',
  measure: 'Kansanäänestys',
  caucus: 'Vaalikokous',
  preferenceGroup: 'Kannatusryhmä',
  firstAlignment: 'Ensimmäinen kierros',
  finalAlignment: 'Viimeinen kierros',
  countyDelegates: 'Piirikuntaedustajat',
  stateDelegateEquivalents: 'Osavaltioedustajavastineet',
  measurePassing: 'Hyväksytään',
  measureFailing: 'Hylätään',
  passRule:
    '{atLeast, select, yes {vaatii vähintään {share} äänistä} other {vaatii yli {share} äänistä}}',
  byVoteType: 'Tulokset äänestystavan mukaan',
  byArea: 'Tulokset alueittain',
  area: 'Alue',
  leader: 'Kärjessä',
  map: 'Kartta',
  mapCaption:
    'Kärjessä oleva vaihtoehto alueittain; värin tummuus kertoo johdon suuruuden (prosenttiyksikköinä äänistä). Alueittaisten tulosten taulukossa ovat samat luvut.',
  mapMargin:
    '{shade, select, 0 {johto alle {to, number, percent}} 1 {johto {from, number, percent}–{to, number, percent}} other {johto vähintään {from, number, percent}}}',
  mapNoData: 'Ei vielä tuloksia',
  trend: 'Tulosten kehitys vaali-iltana',
  trendCaption:
    'Kunkin vaihtoehdon osuus lasketuista äänistä ensimmäisistä tuloksista uusimpiin laskenta-ajan mukaan.',
  trendFigures: 'Kaavion luvut',
  time: 'Kellonaika',
  downloads: 'Lataa nämä tulokset',
  verifyTitle: 'Näin voit tarkistaa tulokset',
  verifyIntro:
    'Jokainen tämän sivuston luku on allekirjoitettujen tulosilmoitusten summa, ja ilmoitukset on kirjattu julkiseen lokiin, johon voi vain lisätä kirjauksia. Sinun ei tarvitse luottaa tähän sivustoon: voit laskea jokaisen luvun itse uudelleen.',
  verifyCheckpoint:
    'Tämä versio sisältää {size, plural, one {lokin ensimmäisen kirjauksen} other {lokin # ensimmäistä kirjausta}}; lokin allekirjoitettu tarkistuspiste (checkpoint) on:',
  verifyManifest:
    'Manifesti luettelee tämän version jokaisen tiedoston SHA-256-tiivisteen, ja julkaisija on allekirjoittanut sen:',
  verifyCommand:
    'Voit tarkistaa kaiken itse millä tahansa tietokoneella, jossa on Node.js 22 tai uudempi: hae tally-verify.mjs, Tallyn yhden tiedoston tarkistusohjelma, ja suorita:',
  verifySiteAddress: 'tämän sivuston osoite',
  verifyVerifierFile:
    'tally-verify.mjs kootaan toistettavasti Tallyn lähdekoodista: sama lähdekoodi tuottaa aina saman tiedoston. Kokoa se itse (npm run build:verifier) tai tarkista, että kopiosi SHA-256-tiiviste on sama kuin koonnin tulostama. Hae avaimet myös vaaliviranomaiselta, älä vain tältä sivulta.',
  verifyLogLayout:
    'Loki julkaistaan C2SP tlog-tiles -muodossa näiden sivujen rinnalla, jotta läpinäkyvyyslokien työkalut voivat lukea sen ja todistajat voivat myös allekirjoittaa sen.',
  updated: 'Tulokset päivitetty viimeksi {time}',
  asOfLog: 'lokikirjaus {entry, number}',
  nextUpdate:
    '{complete, select, yes {Kaikki paikat on laskettu kokonaan: seuraavaksi julkaistaan vahvistetut tulokset.} other {Uudet tulokset julkaistaan muutaman sekunnin kuluessa laskennasta.}}',
  footer: 'Julkaistu Tally-järjestelmällä – todennettava vaali-illan tulospalvelu.',
  registeredVoters: 'Äänioikeutetut',
};
