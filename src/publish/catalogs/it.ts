// The public site's messages in Italian.
import type { Catalog } from '../messages.js';

export const it: Catalog = {
  resultsTitle: '{election}: risultati',
  testBanner: 'PROVA: questi non sono risultati elettorali reali',
  unofficial: 'Risultati non ufficiali: l’ufficio elettorale certifica i risultati definitivi.',
  allCertified:
    'Risultati certificati: l’autorità elettorale ha certificato tutti i risultati di questa pagina.',
  contestStatus:
    '{status, select, early {Troppo presto per dirlo} called {Deciso} recount {Riconteggio in corso} certified {Certificato} other {Provvisori}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'dal {time} (voce {entry, number} del registro)',
  skipToContent: 'Vai ai risultati',
  home: 'Tutte le consultazioni',
  language: 'Lingua',
  summary: 'Riepilogo',
  contests: 'Consultazioni',
  areas: 'Territori',
  reportingUnits: 'Sezioni',
  fullyReported:
    '{level}: {fully, number} su {expected, number} con risultati completi ({share, number, percent})',
  partlyReported: '{partly, number} in più con risultati parziali',
  sentResults:
    '{level}: {reported, plural, one {# su {expected, number} ha trasmesso risultati} other {# su {expected, number} hanno trasmesso risultati}}',
  expectedVote: 'Scrutinato circa il {share, number, percent} dei voti attesi',
  expectedVoteNote:
    'I voti attesi sono una stima: per ogni modalità di voto, le schede per elettore (o per scheda prevista dall’ufficio elettorale) dove quella modalità è stata scrutinata, applicate ai luoghi che non l’hanno ancora trasmessa. Un luogo ha risultati completi quando sono arrivate tutte le modalità di voto che trasmette.',
  fullyShort: 'Risultati completi',
  expectedShort: 'Voti attesi scrutinati',
  unitStatus:
    '{status, select, full {Risultati completi} partly {Risultati parziali} other {Ancora nessun risultato}}',
  turnout:
    'Affluenza: {ballots, number} schede votate su {registered, number} elettori ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} schede votate',
  choice: 'Scelta',
  party: 'Partito',
  votes: 'Voti',
  share: 'Percentuale',
  ballotsCast: 'Schede votate',
  overvotes: 'Voti in eccesso',
  undervotes: 'Voti non espressi',
  total: 'Totale',
  leading: 'In testa',
  winner: 'Vincitore',
  outcome: 'Esito',
  measureChoice: '«{choice}»',
  noVotesYet: 'Nessun voto ancora scrutinato',
  voteFor: 'Da eleggere: {n, number}',
  measure: 'Quesito',
  caucus: 'Caucus',
  preferenceGroup: 'Gruppo di preferenza',
  firstAlignment: 'Primo allineamento',
  finalAlignment: 'Allineamento finale',
  countyDelegates: 'Delegati di contea',
  stateDelegateEquivalents: 'Delegati statali equivalenti',
  measurePassing: 'Verso l’approvazione',
  measureFailing: 'Verso la bocciatura',
  passRule:
    '{atLeast, select, yes {richiede almeno il {share} dei voti} other {richiede più del {share} dei voti}}',
  byVoteType: 'Risultati per modalità di voto',
  byArea: 'Risultati per territorio',
  area: 'Territorio',
  leader: 'In testa',
  map: 'Mappa',
  mapCaption:
    'Scelta in testa per territorio, con sfumature secondo il vantaggio (in punti percentuali dei voti). La tabella dei risultati per territorio riporta gli stessi dati.',
  mapMargin:
    '{shade, select, 0 {vantaggio inferiore al {to, number, percent}} 1 {vantaggio dal {from, number, percent} al {to, number, percent}} other {vantaggio del {from, number, percent} o più}}',
  mapNoData: 'Ancora nessun risultato',
  trend: 'Andamento dei risultati nella notte elettorale',
  trendCaption:
    'La percentuale di ogni scelta sui voti scrutinati, dai primi risultati ai più recenti, secondo l’ora dello scrutinio.',
  trendFigures: 'I dati del grafico',
  time: 'Ora',
  downloads: 'Scarica questi risultati',
  verifyTitle: 'Come verificare questi risultati',
  verifyIntro:
    'Ogni numero di questo sito è la somma di trasmissioni di risultati firmate, registrate in un registro pubblico a sola aggiunta. Non serve fidarsi di questo sito: potete ricalcolare ogni numero da soli.',
  verifyCheckpoint:
    'Questa versione conta le prime {size, number} voci del registro, il cui checkpoint firmato è:',
  verifyManifest:
    'Il manifesto elenca lo SHA-256 di ogni file di questa versione ed è firmato dall’editore:',
  verifyCommand:
    'Per verificare tutto da soli, su qualsiasi computer con Node.js 22 o successivo: procuratevi tally-verify.mjs, il verificatore di Tally in un unico file, ed eseguite:',
  verifySiteAddress: 'indirizzo di questo sito',
  verifyVerifierFile:
    'tally-verify.mjs è costruito in modo riproducibile dal codice sorgente di Tally: lo stesso codice sorgente produce sempre lo stesso file. Costruitelo voi stessi (npm run build:verifier) oppure controllate che lo SHA-256 della vostra copia sia quello stampato da quella costruzione. Prendete le chiavi anche dall’autorità elettorale, non solo da questa pagina.',
  verifyLogLayout:
    'Il registro è pubblicato nel formato C2SP tlog-tiles accanto a queste pagine, così gli strumenti per registri di trasparenza possono leggerlo e i testimoni cofirmarlo.',
  updated: 'Risultati modificati l’ultima volta: {time}',
  asOfLog: 'con la voce {entry, number} del registro',
  nextUpdate:
    '{complete, select, yes {Tutti i risultati sono completi: il prossimo aggiornamento saranno i risultati certificati.} other {I nuovi risultati sono pubblicati pochi secondi dopo lo scrutinio.}}',
  footer: 'Pubblicato con Tally, la notte elettorale verificabile.',
  registeredVoters: 'Elettori',
};
