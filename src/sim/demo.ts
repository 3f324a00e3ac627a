// The built-in demo election: a small state of ten counties with outlines for a map, three
// hundred precincts, and contests named in the six languages Tally ships.
import {
  ELECTION_FORMAT,
  parseElectionDefinition,
  type Election,
  type ElectionDefinition,
} from '../core/election.js';

type Names = Readonly<Record<'en' | 'fr' | 'es' | 'de' | 'it' | 'nl', string>>;

const names = (en: string, fr: string, es: string, de: string, it: string, nl: string): Names => ({
  en,
  fr,
  es,
  de,
  it,
  nl,
});

/** A person's name: the same in every language (not English text on a French page). */
const person = (name: string): Names => names(name, name, name, name, name, name);

const COUNTIES = [
  'Adams',
  'Baker',
  'Clark',
  'Dane',
  'Essex',
  'Fulton',
  'Grant',
  'Hayes',
  'Irving',
  'Jasper',
];
export const DEMO_PRECINCTS_PER_COUNTY = 30;

/** A county's outline: cells of a 5 by 2 grid, in longitude and latitude. */
function outline(i: number): { type: 'Polygon'; coordinates: [number, number][][] } {
  const x = -92 + (i % 5) * 1.2;
  const y = 44 - Math.floor(i / 5) * 1;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1.2, y],
        [x + 1.2, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  };
}

/** The demo election; its results are released at `releaseAt` (polls close). */
export function demoDefinition(
  authorityKeys: readonly string[],
  releaseAt: string,
): ElectionDefinition {
  const units: ElectionDefinition['units'][number][] = [
    {
      id: 'state',
      name: names(
        'Demo State',
        'État de démonstration',
        'Estado de demostración',
        'Demo-Staat',
        'Stato dimostrativo',
        'Demostaat',
      ),
      type: 'state',
    },
  ];
  COUNTIES.forEach((county, i) => {
    const id = county.toLowerCase();
    units.push({
      id,
      name: {
        en: `${county} County`,
        fr: `Comté de ${county}`,
        es: `Condado de ${county}`,
        de: `${county} County`,
        it: `Contea di ${county}`,
        nl: `${county} County`,
      },
      type: 'county',
      parent: 'state',
      boundary: outline(i),
    });
    for (let p = 1; p <= DEMO_PRECINCTS_PER_COUNTY; p++) {
      units.push({
        id: `${id}-${String(p).padStart(2, '0')}`,
        name: names(
          `${county} precinct ${String(p)}`,
          `${county}, bureau ${String(p)}`,
          `${county}, distrito electoral ${String(p)}`,
          `${county}, Wahlbezirk ${String(p)}`,
          `${county}, sezione ${String(p)}`,
          `${county}, stembureau ${String(p)}`,
        ),
        type: 'precinct',
        parent: id,
        registeredVoters: 900 + ((i * 37 + p * 53) % 700),
        // The precinct chair's line at the polling place (555-01xx: numbers for fiction).
        contact: {
          name: `Chair, ${county} precinct ${String(p)}`,
          phone: `+1 202 555 01${String((i * DEMO_PRECINCTS_PER_COUNTY + p) % 100).padStart(2, '0')}`,
        },
      });
    }
  });
  return {
    format: ELECTION_FORMAT,
    id: 'demo-2026',
    name: names(
      'Demo General Election 2026',
      'Élection générale de démonstration 2026',
      'Elección general de demostración 2026',
      'Demo-Hauptwahl 2026',
      'Elezione generale dimostrativa 2026',
      'Demo algemene verkiezing 2026',
    ),
    date: '2026-11-03',
    timeZone: 'America/Chicago',
    test: true,
    languages: ['en', 'fr', 'es', 'de', 'it', 'nl'],
    voteTypes: [
      {
        id: 'election-day',
        name: names(
          'Election day',
          'Jour du scrutin',
          'Día de la elección',
          'Wahltag',
          'Giorno delle elezioni',
          'Verkiezingsdag',
        ),
      },
      {
        id: 'early',
        name: names('Early', 'Anticipé', 'Anticipado', 'Vorzeitig', 'Anticipato', 'Vervroegd'),
      },
      {
        id: 'mail',
        name: names(
          'Mail',
          'Par correspondance',
          'Por correo',
          'Briefwahl',
          'Per corrispondenza',
          'Per post',
        ),
      },
    ],
    units,
    districts: [
      {
        id: 'district-1',
        name: names(
          'Congressional District 1',
          '1re circonscription',
          'Distrito 1',
          'Wahlkreis 1',
          'Collegio 1',
          'Kiesdistrict 1',
        ),
        units: ['adams', 'baker', 'clark', 'dane', 'essex'],
      },
      {
        id: 'district-2',
        name: names(
          'Congressional District 2',
          '2e circonscription',
          'Distrito 2',
          'Wahlkreis 2',
          'Collegio 2',
          'Kiesdistrict 2',
        ),
        units: ['fulton', 'grant', 'hayes', 'irving', 'jasper'],
      },
    ],
    parties: [
      {
        id: 'blue',
        name: names(
          'Blue Party',
          'Parti bleu',
          'Partido Azul',
          'Blaue Partei',
          'Partito Blu',
          'Blauwe Partij',
        ),
      },
      {
        id: 'green',
        name: names(
          'Green Party',
          'Parti vert',
          'Partido Verde',
          'Grüne Partei',
          'Partito Verde',
          'Groene Partij',
        ),
      },
      {
        id: 'gold',
        name: names(
          'Gold Party',
          'Parti or',
          'Partido Oro',
          'Goldene Partei',
          'Partito Oro',
          'Gouden Partij',
        ),
      },
    ],
    contests: [
      {
        id: 'governor',
        kind: 'candidate',
        name: names(
          'Governor',
          'Gouverneur',
          'Gobernador',
          'Gouverneur',
          'Governatore',
          'Gouverneur',
        ),
        voteFor: 1,
        choices: [
          { id: 'rivera', name: person('Ana Rivera'), party: 'blue' },
          { id: 'okafor', name: person('Chidi Okafor'), party: 'green' },
          { id: 'lindqvist', name: person('Elsa Lindqvist'), party: 'gold' },
          {
            id: 'write-in',
            name: names(
              'Write-in',
              'Autre (écrit)',
              'Por escrito',
              'Freie Eintragung',
              'Scritto a mano',
              'Vrij in te vullen',
            ),
            writeIn: true,
          },
        ],
      },
      {
        id: 'house-1',
        kind: 'candidate',
        name: names(
          'Representative, District 1',
          'Député, 1re circonscription',
          'Representante, Distrito 1',
          'Abgeordnete(r), Wahlkreis 1',
          'Deputato, Collegio 1',
          'Afgevaardigde, Kiesdistrict 1',
        ),
        district: 'district-1',
        voteFor: 1,
        choices: [
          { id: 'moreau', name: person('Louis Moreau'), party: 'blue' },
          { id: 'tanaka', name: person('Yuki Tanaka'), party: 'green' },
        ],
      },
      {
        id: 'house-2',
        kind: 'candidate',
        name: names(
          'Representative, District 2',
          'Député, 2e circonscription',
          'Representante, Distrito 2',
          'Abgeordnete(r), Wahlkreis 2',
          'Deputato, Collegio 2',
          'Afgevaardigde, Kiesdistrict 2',
        ),
        district: 'district-2',
        voteFor: 1,
        choices: [
          { id: 'schmidt', name: person('Greta Schmidt'), party: 'gold' },
          { id: 'nguyen', name: person('Minh Nguyen'), party: 'blue' },
        ],
      },
      {
        id: 'council',
        kind: 'candidate',
        name: names(
          'State Council (elect two)',
          'Conseil d’État (deux sièges)',
          'Consejo Estatal (dos escaños)',
          'Staatsrat (zwei Sitze)',
          'Consiglio di Stato (due seggi)',
          'Staatsraad (twee zetels)',
        ),
        voteFor: 2,
        choices: [
          { id: 'haddad', name: person('Omar Haddad') },
          { id: 'kowalski', name: person('Marta Kowalski') },
          { id: 'osei', name: person('Kwame Osei') },
        ],
      },
      {
        id: 'measure-a',
        kind: 'measure',
        name: names(
          'Measure A: school bonds',
          'Mesure A : obligations scolaires',
          'Medida A: bonos escolares',
          'Vorlage A: Schulanleihen',
          'Quesito A: obbligazioni scolastiche',
          'Voorstel A: schoolobligaties',
        ),
        choices: [
          { id: 'yes', name: names('Yes', 'Oui', 'Sí', 'Ja', 'Sì', 'Ja') },
          { id: 'no', name: names('No', 'Non', 'No', 'Nein', 'No', 'Nee') },
        ],
        // School bonds pass with 55% of the votes, as in California.
        passes: { choice: 'yes', share: [11, 20], atLeast: true },
      },
    ],
    authority: { keys: [...authorityKeys] },
    release: { at: releaseAt },
  };
}

export function demoElection(authorityKeys: readonly string[], releaseAt: string): Election {
  const parsed = parseElectionDefinition(demoDefinition(authorityKeys, releaseAt));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
