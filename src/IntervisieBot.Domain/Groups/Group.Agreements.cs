namespace IntervisieBot.Domain.Groups;

/// <summary>A group's agreements: added, changed and removed by number.</summary>
public sealed partial class Group
{
    public Agreement AddAgreement(string text, string addedBy, DateTimeOffset at)
    {
        var clean = Agreement.Clean(text) ?? throw new ArgumentException("An agreement has a text of 1 to 300 characters.", nameof(text));

        // The same agreement from the same person again (a turn that ran twice, a double press) is the one already there.
        if (_agreements.Find(a => a.Text == clean && a.AddedBy == addedBy) is { } existing)
        {
            return existing;
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
