namespace IntervisieBot.Domain.Groups;

/// <summary>A group's agreements: added, changed and removed by number.</summary>
public sealed partial class Group
{
    /// <summary>
    /// The most agreements a group keeps: 300 of the longest (300 characters) with 5 years of monthly meetings take
    /// about a fifth of what the group's row holds, and a list that long is already more than a group can keep in mind.
    /// </summary>
    public const int MaxAgreements = 300;

    /// <summary>Whether another agreement may be added (fewer than <see cref="MaxAgreements"/>).</summary>
    public bool CanAddAgreement => _agreements.Count < MaxAgreements;

    public Agreement AddAgreement(string text, string addedBy, DateTimeOffset at)
    {
        var clean = Agreement.Clean(text) ?? throw new ArgumentException("An agreement has a text of 1 to 300 characters.", nameof(text));

        // The same agreement from the same person again (a turn that ran twice, a double press) is the one already there.
        if (_agreements.Find(a => a.Text == clean && a.AddedBy == addedBy) is { } existing)
        {
            return existing;
        }

        if (!CanAddAgreement)
        {
            throw new InvalidOperationException($"A group keeps at most {MaxAgreements} agreements.");
        }

        var agreement = new Agreement(_nextAgreement++, clean, addedBy, at);
        _agreements.Add(agreement);
        return agreement;
    }

    /// <summary>Changes the text of agreement <paramref name="number"/>; null when there is no such agreement.</summary>
    public Agreement? ChangeAgreement(int number, string text, string changedBy, DateTimeOffset at)
    {
        var clean = Agreement.Clean(text) ?? throw new ArgumentException("An agreement has a text of 1 to 300 characters.", nameof(text));
        var index = _agreements.FindIndex(a => a.Number == number);
        if (index < 0)
        {
            return null;
        }

        _agreements[index] = _agreements[index] with { Text = clean, ChangedBy = changedBy, ChangedAt = at };
        return _agreements[index];
    }

    public Agreement? RemoveAgreement(int number)
    {
        var agreement = _agreements.Find(a => a.Number == number);
        if (agreement is not null)
        {
            _agreements.Remove(agreement);
        }

        return agreement;
    }
}
