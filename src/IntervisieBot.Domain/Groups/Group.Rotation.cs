namespace IntervisieBot.Domain.Groups;

/// <summary>What members say about the rotation of coming meetings: volunteering, passing, swapping, being absent.</summary>
public sealed partial class Group
{
    /// <summary>The member takes the case of <paramref name="meeting"/>.</summary>
    public TurnChange Volunteer(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        if (requests.Absent.Contains(memberId))
        {
            return TurnChange.Absent;
        }

        var planned = Plan(now).First(r => r.Meeting.Id == meeting);
        if (planned.CaseOwner?.Id == memberId)
        {
            return TurnChange.AlreadySo;
        }

        if (requests.CaseOwner is { } other && other != memberId && planned.CaseOwner?.Id == other)
        {
            return TurnChange.Taken;
        }

        Put(requests with { CaseOwner = memberId, Passed = [.. requests.Passed.Where(p => p != memberId)] });
        return TurnChange.Done;
    }

    /// <summary>The planned case owner of <paramref name="meeting"/> does not bring a case then; the rotation moves on.</summary>
    public TurnChange Pass(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        if (Plan(now).First(r => r.Meeting.Id == meeting).CaseOwner?.Id != memberId)
        {
            return TurnChange.NotYourTurn;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        Put(requests with { Passed = [.. requests.Passed, memberId], CaseOwner = requests.CaseOwner == memberId ? null : requests.CaseOwner });
        return TurnChange.Done;
    }

    /// <summary>
    /// Swaps turns around <paramref name="meeting"/>: its case owner swaps with the case owner of the next meeting;
    /// anyone else takes it and gives their own coming turn to its case owner (or just takes it, having none).
    /// </summary>
    public TurnChange Swap(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        if (IsAbsent(memberId, meeting))
        {
            return TurnChange.Absent;
        }

        var plan = Plan(now);
        var here = plan.First(r => r.Meeting.Id == meeting);
        if (here.CaseOwner?.Id == memberId)
        {
            var next = plan.SkipWhile(r => r.Meeting.Id != meeting).Skip(1)
                .FirstOrDefault(r => r.CaseOwner is { } o && o.Id != memberId && !IsAbsent(o.Id, meeting) && !IsAbsent(memberId, r.Meeting.Id));
            if (next is null)
            {
                return TurnChange.NobodyToSwapWith;
            }

            Pin(meeting, next.CaseOwner!.Id);
            Pin(next.Meeting.Id, memberId);
            return TurnChange.Done;
        }

        var mine = plan.FirstOrDefault(r => r.CaseOwner?.Id == memberId);
        if (mine is null || here.CaseOwner is null || IsAbsent(here.CaseOwner.Id, mine.Meeting.Id))
        {
            return Volunteer(memberId, meeting, now);
        }

        Pin(meeting, memberId);
        Pin(mine.Meeting.Id, here.CaseOwner.Id);
        return TurnChange.Done;
    }

    /// <summary>The member swaps their next turn with <paramref name="otherId"/>'s next turn.</summary>
    public TurnChange SwapWith(string memberId, string otherId, DateTimeOffset now)
    {
        var plan = Plan(now);
        var mine = plan.FirstOrDefault(r => r.CaseOwner?.Id == memberId);
        var theirs = plan.FirstOrDefault(r => r.CaseOwner?.Id == otherId);
        if (Roster.Find(otherId) is not { IsActive: true } || memberId == otherId)
        {
            return TurnChange.NotAMember;
        }

        if (mine is null || theirs is null || IsAbsent(memberId, theirs.Meeting.Id) || IsAbsent(otherId, mine.Meeting.Id))
        {
            return TurnChange.NobodyToSwapWith;
        }

        Pin(mine.Meeting.Id, otherId);
        Pin(theirs.Meeting.Id, memberId);
        return TurnChange.Done;
    }

    /// <summary>The member will be away from <paramref name="meeting"/> (or comes after all); away members get no role.</summary>
    public TurnChange SetAbsent(string memberId, DateOnly meeting, bool absent, DateTimeOffset now)
    {
        if (Roster.Find(memberId) is null)
        {
            return TurnChange.NotAMember;
        }

        if (!Coming(now).Take(Horizon).Any(m => m.Id == meeting))
        {
            return TurnChange.NoSuchMeeting;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        if (requests.Absent.Contains(memberId) == absent)
        {
            return TurnChange.AlreadySo;
        }

        Put(absent
            ? requests with { Absent = [.. requests.Absent, memberId], CaseOwner = requests.CaseOwner == memberId ? null : requests.CaseOwner }
            : requests with { Absent = [.. requests.Absent.Where(a => a != memberId)] });
        return TurnChange.Done;
    }

    public bool IsAbsent(string memberId, DateOnly meeting) => RequestsFor(meeting)?.Absent.Contains(memberId) ?? false;

    private RotationRequests? RequestsFor(DateOnly meeting) => _requests.Find(r => r.Meeting == meeting);

    private TurnChange? Check(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Roster.Find(memberId) is not { IsActive: true })
        {
            return TurnChange.NotAMember;
        }

        return Coming(now).Take(Horizon).Any(m => m.Id == meeting) ? null : TurnChange.NoSuchMeeting;
    }

    private void Pin(DateOnly meeting, string caseOwner)
    {
        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        Put(requests with { CaseOwner = caseOwner, Passed = [.. requests.Passed.Where(p => p != caseOwner)] });
    }

    private void Put(RotationRequests requests)
    {
        _requests.RemoveAll(r => r.Meeting == requests.Meeting);
        if (!requests.IsEmpty)
        {
            _requests.Add(requests);
            _requests.Sort((a, b) => a.Meeting.CompareTo(b.Meeting));
        }
    }
}
