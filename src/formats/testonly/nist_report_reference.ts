// The NIST results report as an object, written the plain way: the reference that
// nistResultsBytes (which writes the same JSON as bytes directly, for speed) is tested against.
import { voteFor, type Election, type LocalizedText } from '../../core/election.js';
import type { AreaResults } from '../../core/tally.js';
import {
  countItemTypes,
  NIST_UNIT_TYPES,
  nistIds,
  type NistReportInfo,
} from '../nist_cdf_results.js';

function text(t: LocalizedText): object {
  return {
    '@type': 'ElectionResults.InternationalizedText',
    Text: Object.entries(t).map(([Language, Content]) => ({
      '@type': 'ElectionResults.LanguageString',
      Content,
      Language,
    })),
  };
}

function countType(voteType: string): { Type: string; OtherType?: string } {
  const known = countItemTypes[voteType];
  return known === undefined ? { Type: 'other', OtherType: voteType } : { Type: known };
}

/** NIST's ReportingUnitType for a unit's type, or "other" with OtherType. */
function unitType(type: string): { Type: string; OtherType?: string } {
  return NIST_UNIT_TYPES.has(type) ? { Type: type } : { Type: 'other', OtherType: type };
}

/**
 * One ElectionReport with the results of `areas` (units or districts of the election);
 * `listed` are the GpUnits the report describes (the areas and any unit they are composed of).
 */
export function referenceNistReport(
  election: Election,
  areas: readonly AreaResults[],
  info: NistReportInfo,
): object {
  const d = election.definition;
  const listed = new Set(areas.map((a) => a.area));
  const gpUnits = areas.map((area) => {
    const base = {
      '@type': 'ElectionResults.ReportingUnit',
      SubUnitsReported: area.reporting.reported,
      TotalSubUnits: area.reporting.expected,
      VotersRegistered: area.registeredVoters,
      VotersParticipated: area.ballotsCast.total,
    };
    if (area.kind === 'district') {
      const district = d.districts.find((x) => x.id === area.area);
      return {
        ...base,
        '@id': nistIds.district(area.area),
        Name: text(district?.name ?? { en: area.area }),
        Type: 'other',
        OtherType: 'district',
        IsDistricted: true,
        ComposingGpUnitIds: (district?.units ?? []).filter((u) => listed.has(u)).map(nistIds.unit),
      };
    }
    const unit = election.units.get(area.area);
    const children = (election.children.get(area.area) ?? []).filter((c) => listed.has(c));
    return {
      ...base,
      '@id': nistIds.unit(area.area),
      Name: text(unit?.name ?? { en: area.area }),
      ...unitType(unit?.type ?? 'other'),
      ...(children.length > 0 ? { ComposingGpUnitIds: children.map(nistIds.unit) } : {}),
    };
  });
  const gpOf = (a: AreaResults): string =>
    a.kind === 'district' ? nistIds.district(a.area) : nistIds.unit(a.area);
  const voteCounts = (contest: string, choice: string): object[] =>
    areas.flatMap((area) => {
      const c = area.contests.find((x) => x.contest === contest);
      if (c === undefined) return [];
      return Object.entries(c.byVoteType).map(([voteType, t]) => ({
        '@type': 'ElectionResults.VoteCounts',
        Count: t.counts[choice] ?? 0,
        GpUnitId: gpOf(area),
        ...countType(voteType),
      }));
    });
  const contests = d.contests
    .filter((contest) => areas.some((a) => a.contests.some((c) => c.contest === contest.id)))
    .map((contest) => {
      const scope = contest.district === undefined ? election.root.id : contest.district;
      const scopeArea = areas.find((a) => a.area === scope);
      const reporting = scopeArea?.contests.find((c) => c.contest === contest.id)?.reporting;
      const common = {
        '@id': nistIds.contest(contest.id),
        Name: contest.name[d.languages[0] ?? 'en'] ?? Object.values(contest.name)[0] ?? contest.id,
        BallotTitle: text(contest.name),
        ElectionDistrictId:
          contest.district === undefined
            ? nistIds.unit(election.root.id)
            : nistIds.district(contest.district),
        ...(reporting === undefined
          ? {}
          : { SubUnitsReported: reporting.reported, TotalSubUnits: reporting.expected }),
        OtherCounts: areas.flatMap((area) => {
          const c = area.contests.find((x) => x.contest === contest.id);
          return c === undefined
            ? []
            : [
                {
                  '@type': 'ElectionResults.OtherCounts',
                  GpUnitId: gpOf(area),
                  Overvotes: c.total.overvotes,
                  Undervotes: c.total.undervotes,
                },
              ];
        }),
      };
      if (contest.kind === 'measure') {
        return {
          ...common,
          '@type': 'ElectionResults.BallotMeasureContest',
          ContestSelection: contest.choices.map((choice) => ({
            '@type': 'ElectionResults.BallotMeasureSelection',
            '@id': nistIds.selection(contest.id, choice.id),
            Selection: text(choice.name),
            VoteCounts: voteCounts(contest.id, choice.id),
          })),
        };
      }
      return {
        ...common,
        '@type': 'ElectionResults.CandidateContest',
        VotesAllowed: voteFor(contest),
        NumberElected: voteFor(contest),
        VoteVariation: voteFor(contest) > 1 ? 'n-of-m' : 'plurality',
        ContestSelection: contest.choices.map((choice) => ({
          '@type': 'ElectionResults.CandidateSelection',
          '@id': nistIds.selection(contest.id, choice.id),
          CandidateIds: [nistIds.candidate(contest.id, choice.id)],
          ...(choice.writeIn === true ? { IsWriteIn: true } : {}),
          VoteCounts: voteCounts(contest.id, choice.id),
        })),
      };
    });
  // A caucus's preference groups are its candidates' (NIST has no caucus: see README).
  const candidates = d.contests.flatMap((contest) =>
    contest.kind === 'measure'
      ? []
      : contest.choices.map((choice) => ({
          '@type': 'ElectionResults.Candidate',
          '@id': nistIds.candidate(contest.id, choice.id),
          BallotName: text(choice.name),
          ...(choice.party === undefined ? {} : { PartyId: nistIds.party(choice.party) }),
        })),
  );
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'precinct-level',
    GeneratedDate: info.generatedAt,
    Issuer: info.issuer,
    IssuerAbbreviation: info.issuerAbbreviation,
    IsTest: d.test,
    ...(d.test ? { TestType: 'test' } : {}),
    SequenceStart: info.sequence,
    SequenceEnd: info.sequenceEnd,
    Status: info.complete ? 'unofficial-complete' : 'unofficial-partial',
    VendorApplicationId: info.vendorApplicationId,
    GpUnit: gpUnits,
    Party: d.parties.map((p) => ({
      '@type': 'ElectionResults.Party',
      '@id': nistIds.party(p.id),
      Name: text(p.name),
    })),
    Election: [
      {
        '@type': 'ElectionResults.Election',
        ElectionScopeId: nistIds.unit(election.root.id),
        Name: text(d.name),
        StartDate: d.date,
        EndDate: d.date,
        Type: 'other',
        OtherType: 'as defined by the election office',
        BallotCounts: areas.flatMap((area) =>
          Object.entries(area.ballotsCast.byVoteType).map(([voteType, n]) => ({
            '@type': 'ElectionResults.BallotCounts',
            GpUnitId: gpOf(area),
            BallotsCast: n,
            ...countType(voteType),
          })),
        ),
        Candidate: candidates,
        Contest: contests,
      },
    ],
  };
}
