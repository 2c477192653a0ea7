using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Domain;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>Set-up's answers: each checked against the ones before it, then taken into the draft.</summary>
public sealed partial class GroupSetupDialog
{
    /// <summary>Takes an answer into the draft; returns why it cannot be taken, or null.</summary>
    private string? Apply(string field, JsonNode result, GroupSetupState state)
    {
        var draft = state.Draft;
        var texts = Texts(state);
        switch (field)
        {
            case "name":
                var name = result.GetValue<string>().Trim();
                if (name.Length is 0 or > GroupSettings.MaxNameLength)
                {
                    return texts.NameRetry;
                }

                state.Draft = draft with { Name = name };
                return null;
            case "language":
                state.Draft = draft with { Language = result.GetValue<string>() };
                state.Language = Language.FromCode(result.GetValue<string>());
                return null;
            case "cadence":
                var cadence = result.GetValue<string>();
                state.Draft = draft with { Cadence = cadence, Week = cadence == "monthly" && draft.Week is null ? "2" : draft.Week };
                return null;
            case "week":
                state.Draft = draft with { Week = result.GetValue<string>() };
                return null;
            case "weekday":
                state.Draft = draft with { Weekday = result.GetValue<string>() };
                return null;
            case "time":
                state.Draft = draft with { Time = result.GetValue<string>() };
                return null;
            case "zone":
                state.Draft = draft with { Zone = result.GetValue<string>() };
                return null;
            case "duration":
                var minutes = int.Parse(result.GetValue<string>(), CultureInfo.InvariantCulture);
                if (minutes < Schedule.MinimumDuration.TotalMinutes || minutes > Schedule.MaximumDuration.TotalMinutes)
                {
                    return texts.DurationRetry;
                }

                state.Draft = draft with { Minutes = minutes.ToString(CultureInfo.InvariantCulture) };
                return null;
            case "first":
                return ApplyFirst(DateOnly.ParseExact(result.GetValue<string>(), GroupDraft.DateFormat, CultureInfo.InvariantCulture), state, texts);
            case "members":
                var chosen = result.AsArray().Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                if (chosen.Count == 0)
                {
                    return texts.AskMembers;
                }

                state.Draft = draft with { Members = [.. state.Candidates.Where(c => chosen.Contains(c.Id))] };
                if (draft.Facilitator == nameof(FacilitatorMode.Fixed) && !chosen.Contains(draft.Fixed ?? ""))
                {
                    // The fixed facilitator is no longer a participant: ask who facilitates now.
                    if (!state.Fields.Contains("facilitator"))
                    {
                        state.Fields.Add("facilitator");
                        state.Fields.Add("fixed");
                    }
                }

                return null;
            case "facilitator":
                state.Draft = draft with { Facilitator = result.GetValue<string>() };
                return null;
            case "fixed":
                state.Draft = draft with { Fixed = result.GetValue<string>() };
                return null;
            case "line":
                // Answered with advice (see ResumeAsync), not kept: nothing later depends on it.
                return null;
            default:
                state.Draft = draft with { Agreements = result.GetValue<bool>() };
                return null;
        }
    }

    /// <summary>A first (or next) meeting: on the rhythm's day, and still to come in the group's time zone.</summary>
    private string? ApplyFirst(DateOnly date, GroupSetupState state, GroupTexts texts)
    {
        var draft = state.Draft;
        var cadence = draft.ToCadence();
        var title = GroupCards.DateTitle(date, texts);
        if (date < Today(draft) || (date == Today(draft) && draft.StartTime() <= Now(draft)))
        {
            return GroupCards.Format(texts.DateInPast, title);
        }

        if (date.DayOfWeek != cadence.Weekday)
        {
            return texts.DateWrongDay(title, GroupCards.WeekdayName(date.DayOfWeek, texts), GroupCards.WeekdayName(cadence.Weekday, texts));
        }

        if (!cadence.Fits(date))
        {
            return texts.DateWrongWeek(title, texts.WeeksOfMonth[cadence.WeekOfMonth - 1], GroupCards.WeekdayName(cadence.Weekday, texts));
        }

        state.Draft = draft with { First = date.ToString(GroupDraft.DateFormat, CultureInfo.InvariantCulture) };
        return null;
    }

    private DateOnly Today(GroupDraft draft) => DateOnly.FromDateTime(LocalNow(draft).DateTime);

    private TimeOnly Now(GroupDraft draft) => TimeOnly.FromDateTime(LocalNow(draft).DateTime);

    private DateTimeOffset LocalNow(GroupDraft draft) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), Schedule.FindZone(draft.Zone) ?? TimeZoneInfo.Utc);

    private List<PromptChoice> SuggestedDates(GroupDraft draft, GroupTexts texts)
    {
        var today = Today(draft);
        var start = draft.StartTime() > Now(draft) ? today : today.AddDays(1);
        return draft.ToCadence().FittingFrom(start).Take(3)
            .Select(d => new PromptChoice(d.ToString(GroupDraft.DateFormat, CultureInfo.InvariantCulture), GroupCards.DateTitle(d, texts)))
            .ToList();
    }

    private static string? SizeWarning(GroupSetupState state)
    {
        var count = state.Draft.Members.Count;
        var texts = Texts(state);
        return count < GroupSettings.MinimumSize ? GroupCards.Format(texts.TooFew, count)
            : count > GroupSettings.MaximumSize ? GroupCards.Format(texts.TooMany, count)
            : null;
    }
}
