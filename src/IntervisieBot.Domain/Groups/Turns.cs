namespace IntervisieBot.Domain.Groups;

public enum FacilitatorMode
{
    /// <summary>Self-led: the facilitator rotates like the case owner, never the case owner of the same meeting.</summary>
    Rotating,

    /// <summary>One member always facilitates; when they bring the case or are away, the rotation finds a stand-in.</summary>
    Fixed,

    /// <summary>Someone from outside the group facilitates; the bot assigns no member.</summary>
    External,
}

/// <summary>What members said about one upcoming meeting: who will be away, who passed their turn, who takes the case.</summary>
public sealed record TurnRequests(DateOnly Meeting)
{
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Members who do not want to bring a case at this meeting (they may still come and facilitate).</summary>
    public IReadOnlyList<string> Passed { get; init; } = [];

    /// <summary>The case owner the group agreed on (a volunteer, or one side of a swap); kept only while they can come.</summary>
    public string? CaseOwner { get; init; }

    public bool IsEmpty => Absent.Count == 0 && Passed.Count == 0 && CaseOwner is null;
}

/// <summary>A meeting that was held (J8): who brought the case, who facilitated, who came.</summary>
public sealed record MeetingOutcome(DateOnly Meeting, DateTimeOffset HeldAt, string? CaseOwner, string? Facilitator, IReadOnlyList<string> Attendees)
{
    /// <summary>The session's method, when the bot ran it.</summary>
    public string? MethodId { get; init; }
}

/// <summary>Who brings the case and who facilitates at a coming meeting, as the rotation sees it now.</summary>
public sealed record MeetingRoles(Meeting Meeting, Member? CaseOwner, Member? Facilitator, IReadOnlyList<Member> Absent);

/// <summary>
/// How often, and how recently, each member brought a case and facilitated. Meetings are numbered in the order they
/// happen, so "longest ago" needs no dates and planned meetings can be counted in as if held.
/// </summary>
public sealed class TurnLedger
{
    private readonly Dictionary<string, Tally> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _facilitations = new(StringComparer.Ordinal);
    private int _meetings;

    public static TurnLedger From(IEnumerable<MeetingOutcome> held)
    {
        var ledger = new TurnLedger();
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

/// <summary>The rotation of J3 over coming meetings: the case owner first, then the facilitator, meeting by meeting.</summary>
public static class Rotation
{
    /// <summary>
    /// Plans <paramref name="meetings"/> in order, continuing <paramref name="ledger"/> (which it changes: each
    /// planned meeting counts as held for the ones after it). Plan the same stretch of meetings to get the same answer:
    /// a case promised for a later meeting shapes the ones before it.
    /// </summary>
    public static IReadOnlyList<MeetingRoles> Plan(
        Roster roster,
        TurnLedger ledger,
        IEnumerable<Meeting> meetings,
        Func<DateOnly, TurnRequests?> requests,
        FacilitatorMode mode = FacilitatorMode.Rotating,
        string? fixedFacilitator = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(requests);
        var coming = meetings.Select(m => (Meeting: m, Requests: requests(m.Id) ?? new TurnRequests(m.Id))).ToList();
        var planned = new List<MeetingRoles>();
        for (var i = 0; i < coming.Count; i++)
        {
            // Whoever agreed to bring the case at a later meeting (a volunteer, a swap) is not chosen before it.
            var promised = coming.Skip(i + 1)
                .Where(c => c.Requests.CaseOwner is { } id && !c.Requests.Absent.Contains(id) && roster.Find(id) is { IsActive: true })
                .Select(c => c.Requests.CaseOwner!);
            var roles = Assign(roster, ledger, coming[i].Meeting, coming[i].Requests, mode, fixedFacilitator, promised);
            ledger.Record(roles.CaseOwner?.Id, roles.Facilitator?.Id);
            planned.Add(roles);
        }

        return planned;
    }

    /// <summary>The roles of one meeting; <paramref name="promised"/> take a case later, so they are chosen now only when nobody else can.</summary>
    public static MeetingRoles Assign(
        Roster roster, TurnLedger ledger, Meeting meeting, TurnRequests requests, FacilitatorMode mode, string? fixedFacilitator, IEnumerable<string>? promised = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(requests);
        var away = new HashSet<string>(requests.Absent, StringComparer.Ordinal);
        var pinned = requests.CaseOwner is { } id && roster.Find(id) is { IsActive: true } volunteer && !away.Contains(id) ? volunteer : null;
        var notNow = new HashSet<string>(away.Concat(requests.Passed), StringComparer.Ordinal);
        var owner = pinned
            ?? ledger.NextCaseOwner(roster, new HashSet<string>(notNow.Concat(promised ?? []), StringComparer.Ordinal))
            ?? ledger.NextCaseOwner(roster, notNow);
        var notFacilitating = new HashSet<string>(away, StringComparer.Ordinal);
        if (owner is not null)
        {
            notFacilitating.Add(owner.Id);
        }

        var facilitator = mode switch
        {
            FacilitatorMode.External => null,
            FacilitatorMode.Fixed when fixedFacilitator is not null && roster.Find(fixedFacilitator) is { IsActive: true } fixedOne && !notFacilitating.Contains(fixedOne.Id) => fixedOne,
            _ => ledger.NextFacilitator(roster, notFacilitating),
        };
        var absent = roster.Members.Where(m => away.Contains(m.Id)).ToList();
        return new MeetingRoles(meeting, owner, facilitator, absent);
    }
}
