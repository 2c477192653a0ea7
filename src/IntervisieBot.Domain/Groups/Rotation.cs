namespace IntervisieBot.Domain.Groups;

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
        RotationLedger ledger,
        IEnumerable<Meeting> meetings,
        Func<DateOnly, RotationRequests?> requests,
        FacilitatorMode mode = FacilitatorMode.Rotating,
        string? fixedFacilitator = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(requests);
        var coming = meetings.Select(m => (Meeting: m, Requests: requests(m.Id) ?? new RotationRequests(m.Id))).ToList();
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
        Roster roster, RotationLedger ledger, Meeting meeting, RotationRequests requests, FacilitatorMode mode, string? fixedFacilitator, IEnumerable<string>? promised = null)
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
