// The public site's messages in Dutch.
import type { Catalog } from '../messages.js';

export const nl: Catalog = {
  resultsTitle: '{election}: uitslagen',
  testBanner: 'TEST: dit zijn geen echte verkiezingsuitslagen',
  unofficial: 'Voorlopige uitslagen: het verkiezingsbureau stelt de definitieve uitslag vast.',
  allCertified:
    'Vastgestelde uitslagen: het verkiezingsbureau heeft alle uitslagen op deze pagina vastgesteld.',
  contestStatus:
    '{status, select, early {Te vroeg om te zeggen} called {Beslist} recount {Hertelling bezig} certified {Vastgesteld} other {Voorlopig}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'sinds {time} (logboekregel {entry, number})',
  skipToContent: 'Naar de uitslagen',
  home: 'Alle verkiezingen',
  language: 'Taal',
  summary: 'Overzicht',
  contests: 'Verkiezingen en referenda',
  areas: 'Gebieden',
  reportingUnits: 'Stembureaus',
  fullyReported:
    '{level}: {fully, number} van {expected, number} volledig gemeld ({share, number, percent})',
  partlyReported: 'nog {partly, number} gedeeltelijk gemeld',
  sentResults:
    '{level}: {reported, plural, one {# van {expected, number} heeft uitslagen doorgegeven} other {# van {expected, number} hebben uitslagen doorgegeven}}',
  expectedVote: 'Ongeveer {share, number, percent} van de verwachte stemmen geteld',
  expectedVoteNote:
    'De verwachte stemmen zijn een schatting: per manier van stemmen het aantal stembiljetten per kiesgerechtigde (of per stembiljet dat het verkiezingsbureau verwacht) waar die manier al geteld is, toegepast op de plaatsen die ze nog niet gemeld hebben. Een plaats is volledig gemeld zodra elke manier van stemmen die ze meldt binnen is.',
  fullyShort: 'Volledig gemeld',
  expectedShort: 'Verwachte stemmen geteld',
  unitStatus:
    '{status, select, full {Volledig gemeld} partly {Gedeeltelijk gemeld} other {Nog niet gemeld}}',
  turnout:
    'Opkomst: {ballots, number} uitgebrachte stembiljetten bij {registered, number} kiesgerechtigden ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} uitgebrachte stembiljetten',
  choice: 'Keuze',
  party: 'Partij',
  votes: 'Stemmen',
  share: 'Aandeel',
  ballotsCast: 'Stembiljetten',
  overvotes: 'Overstemmen',
  undervotes: 'Niet uitgebrachte stemmen',
  total: 'Totaal',
  leading: 'Voorop',
  winner: 'Winnaar',
  outcome: 'Uitkomst',
  measureChoice: '‘{choice}’',
  noVotesYet: 'Nog geen stemmen geteld',
  voteFor: '{n, number} te kiezen',
  measure: 'Referendum',
  caucus: 'Caucus',
  preferenceGroup: 'Voorkeursgroep',
  firstAlignment: 'Eerste ronde',
  finalAlignment: 'Laatste ronde',
  countyDelegates: 'Countyafgevaardigden',
  stateDelegateEquivalents: 'Staatsafgevaardigde-equivalenten',
  measurePassing: 'Wordt aangenomen',
  measureFailing: 'Wordt verworpen',
  passRule:
    '{atLeast, select, yes {vereist ten minste {share} van de stemmen} other {vereist meer dan {share} van de stemmen}}',
  byVoteType: 'Uitslagen per manier van stemmen',
  byArea: 'Uitslagen per gebied',
  area: 'Gebied',
  leader: 'Voorop',
  map: 'Kaart',
  mapCaption:
    'Koploper per gebied, getint naar de voorsprong (in procentpunten van de stemmen). De tabel met uitslagen per gebied geeft dezelfde cijfers.',
  mapMargin:
    '{shade, select, 0 {voorsprong onder {to, number, percent}} 1 {voorsprong van {from, number, percent} tot {to, number, percent}} other {voorsprong van {from, number, percent} of meer}}',
  mapNoData: 'Nog geen uitslagen',
  trend: 'Verloop van de uitslagen op de verkiezingsavond',
  trendCaption:
    'Het aandeel van elke keuze in de getelde stemmen, van de eerste tot de nieuwste uitslagen, naar het tijdstip waarop ze geteld zijn.',
  trendFigures: 'De cijfers van de grafiek',
  time: 'Tijd',
  downloads: 'Deze uitslagen downloaden',
  verifyTitle: 'Zo controleert u deze uitslagen',
  verifyIntro:
    'Elk getal op deze site is de som van ondertekende uitslagmeldingen in een openbaar logboek waaraan alleen kan worden toegevoegd. U hoeft deze site niet te vertrouwen: u kunt elk getal zelf narekenen.',
  verifyCheckpoint:
    'Deze versie telt de eerste {size, number} regels van het logboek; het ondertekende controlepunt is:',
  verifyManifest:
    'Het manifest noemt de SHA-256 van elk bestand van deze versie en is ondertekend door de uitgever:',
  verifyCommand:
    'Om alles zelf te controleren, op elke computer met Node.js 22 of nieuwer: haal tally-verify.mjs op, de verificatietool van Tally in één bestand, en voer uit:',
  verifySiteAddress: 'adres van deze site',
  verifyVerifierFile:
    'tally-verify.mjs wordt reproduceerbaar gebouwd uit de broncode van Tally: dezelfde broncode geeft altijd hetzelfde bestand. Bouw het zelf (npm run build:verifier), of controleer dat de SHA-256 van uw kopie gelijk is aan wat die bouw toont. Haal de sleutels ook bij de verkiezingsautoriteit, niet alleen van deze pagina.',
  verifyLogLayout:
    'Het logboek staat in het formaat C2SP tlog-tiles naast deze pagina’s, zodat hulpmiddelen voor transparantielogboeken het kunnen lezen en getuigen het kunnen meeondertekenen.',
  updated: 'Uitslagen laatst gewijzigd: {time}',
  asOfLog: 'met logboekregel {entry, number}',
  nextUpdate:
    '{complete, select, yes {Alle plaatsen zijn volledig gemeld: de volgende update is de vastgestelde uitslag.} other {Nieuwe uitslagen worden enkele seconden na het tellen gepubliceerd.}}',
  footer: 'Gepubliceerd met Tally, controleerbare verkiezingsavonden.',
  registeredVoters: 'Kiesgerechtigden',
};
