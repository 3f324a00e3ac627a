// The built-in demo election: a small state of ten counties with outlines for a map, three
// hundred precincts, and everything named in ten of the languages Tally ships: six of the EU's and
// the four Section 203 languages beyond Spanish.
import {
  ELECTION_FORMAT,
  parseElectionDefinition,
  type Election,
  type ElectionDefinition,
} from '../core/election.js';

type Names = Readonly<
  Record<'en' | 'fr' | 'es' | 'de' | 'it' | 'nl' | 'zh' | 'vi' | 'ko' | 'tl', string>
>;

const names = (
  en: string,
  fr: string,
  es: string,
  de: string,
  it: string,
  nl: string,
  zh: string,
  vi: string,
  ko: string,
  tl: string,
): Names => ({ en, fr, es, de, it, nl, zh, vi, ko, tl });

/** A person's name: the same in every language (not English text on a French page). */
const person = (name: string): Names =>
  names(name, name, name, name, name, name, name, name, name, name);

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
        '示範州',
        'Tiểu bang Mẫu',
        '데모 주',
        'Estadong Pangdemo',
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
        zh: `${county} 縣`,
        vi: `Quận ${county}`,
        ko: `${county} 카운티`,
        tl: `Kondado ng ${county}`,
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
          `${county} 第 ${String(p)} 選區`,
          `${county}, khu bầu cử ${String(p)}`,
          `${county} 제${String(p)}선거구`,
          `${county}, presinto ${String(p)}`,
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
      '2026 年示範大選',
      'Tổng tuyển cử mẫu 2026',
      '2026 데모 총선거',
      'Pangkalahatang Halalang Pangdemo 2026',
    ),
    date: '2026-11-03',
    timeZone: 'America/Chicago',
    test: true,
    languages: ['en', 'fr', 'es', 'de', 'it', 'nl', 'zh', 'vi', 'ko', 'tl'],
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
          '選舉日',
          'Ngày bầu cử',
          '선거일',
          'Araw ng halalan',
        ),
      },
      {
        id: 'early',
        name: names(
          'Early',
          'Anticipé',
          'Anticipado',
          'Vorzeitig',
          'Anticipato',
          'Vervroegd',
          '提前投票',
          'Bỏ phiếu sớm',
          '사전 투표',
          'Maagang pagboto',
        ),
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
          '郵寄投票',
          'Qua thư',
          '우편 투표',
          'Sa koreo',
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
          '第 1 國會選區',
          'Khu vực Quốc hội 1',
          '연방 하원 제1선거구',
          'Distritong Pangkongreso 1',
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
          '第 2 國會選區',
          'Khu vực Quốc hội 2',
          '연방 하원 제2선거구',
          'Distritong Pangkongreso 2',
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
          '藍黨',
          'Đảng Xanh Dương',
          '파란당',
          'Partidong Asul',
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
          '綠黨',
          'Đảng Xanh Lá',
          '녹색당',
          'Partidong Berde',
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
          '金黨',
          'Đảng Vàng',
          '황금당',
          'Partidong Ginto',
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
          '州長',
          'Thống đốc',
          '주지사',
          'Gobernador',
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
              '自行填寫',
              'Viết tên vào',
              '기명 투표',
              'Isinulat na pangalan',
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
          '眾議員，第 1 選區',
          'Dân biểu, Khu vực 1',
          '하원의원, 제1선거구',
          'Kinatawan, Distrito 1',
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
          '眾議員，第 2 選區',
          'Dân biểu, Khu vực 2',
          '하원의원, 제2선거구',
          'Kinatawan, Distrito 2',
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
          '州議會（選出兩名）',
          'Hội đồng Tiểu bang (bầu hai người)',
          '주 의회 (2명 선출)',
          'Konseho ng Estado (pumili ng dalawa)',
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
          'A 提案：學校債券',
          'Dự luật A: trái phiếu trường học',
          'A 발의안: 학교 채권',
          'Panukala A: mga bono para sa paaralan',
        ),
        choices: [
          {
            id: 'yes',
            name: names('Yes', 'Oui', 'Sí', 'Ja', 'Sì', 'Ja', '贊成', 'Có', '찬성', 'Oo'),
          },
          {
            id: 'no',
            name: names('No', 'Non', 'No', 'Nein', 'No', 'Nee', '反對', 'Không', '반대', 'Hindi'),
          },
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
