namespace IntervisieBot.Domain.Groups;

/// <summary>
/// How often, and how recently, each member brought a case and facilitated. Meetings are numbered in the order they
/// happen, so "longest ago" needs no dates and planned meetings can be counted in as if held.
/// </summary>
public sealed class RotationLedger
{
    private readonly Dictionary<string, Tally> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _facilitations = new(StringComparer.Ordinal);
    private int _meetings;

    public static RotationLedger From(IEnumerable<MeetingOutcome> held)
    {
        var ledger = new RotationLedger();
        foreach (var outcome in held.OrderBy(o => o.Meeting).ThenBy(o => o.HeldAt))
        {
            ledger.Record(outcome.CaseOwner, outcome.Facilitator);
        }

        return ledger;
    }

    public int CasesOf(string memberId) => _cases.TryGetValue(memberId, out var t) ? t.Count : 0;

    public int FacilitationsOf(string memberId) => _facilitations.TryGetValue(memberId, out var t) ? t.Count : 0;

    public void Record(string? caseOwner, string? facilitator)
    {
        _meetings++;
        Count(_cases, caseOwner);
        Count(_facilitations, facilitator);
    }

    /// <summary>
    /// J3: the active member not left out who brought the fewest cases, then whose last case is longest ago (never
    /// counts as longest), then who comes first in the roster. Null when nobody is left.
    /// </summary>
    public Member? NextCaseOwner(Roster roster, IReadOnlySet<string> leftOut) => Pick(roster, leftOut, _cases);

    /// <summary>The same rule, over facilitations.</summary>
    public Member? NextFacilitator(Roster roster, IReadOnlySet<string> leftOut) => Pick(roster, leftOut, _facilitations);

    private static Member? Pick(Roster roster, IReadOnlySet<string> leftOut, Dictionary<string, Tally> tallies) =>
        roster.Members
            .Select((member, order) => (member, order))
            .Where(x => x.member.IsActive && !leftOut.Contains(x.member.Id))
            .OrderBy(x => tallies.TryGetValue(x.member.Id, out var t) ? t.Count : 0)
            .ThenBy(x => tallies.TryGetValue(x.member.Id, out var t) ? t.Last : -1)
            .ThenBy(x => x.order)
            .Select(x => x.member)
            .FirstOrDefault();

    private void Count(Dictionary<string, Tally> tallies, string? memberId)
    {
        if (memberId is null)
        {
            return;
        }

        var count = tallies.TryGetValue(memberId, out var t) ? t.Count : 0;
        tallies[memberId] = new Tally(count + 1, _meetings);
    }

    private readonly record struct Tally(int Count, int Last);
}
