using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using Xunit.Abstractions;

namespace IntervisieBot.Conversations.Tests.Reminders;

/// <summary>
/// Team Noord (Anna, Bram, Cees, Dewi, Eva; every 4 weeks on Tuesday at 19:30 in Amsterdam, from 27 October 2026) lives
/// through three months on a fake clock, the scheduler ticking every half hour: the clocks go back on 25 October, a
/// member says they can't come, a case owner passes, a meeting is moved, the group pauses, a meeting is cancelled.
/// Every line is what a member sees, with the local time it arrives.
/// </summary>
public sealed class ThreeMonthsTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotClient _group = BotClient.WithReminders(new DateTimeOffset(2026, 10, 12, 8, 0, 0, TimeSpan.Zero), "Anna", "Bram", "Cees", "Dewi", "Eva");

    public void Dispose() => _group.Dispose();

    private async Task<string[]> WaitUntilAsync(int year, int month, int day, int hour, int minute = 0)
    {
        var sent = await _group.WaitUntilAsync(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
        foreach (var line in sent)
        {
            output.WriteLine(line.ToString());
        }

        // Reminders due at the same tick go out side by side; their order among themselves does not matter.
        return [.. sent.OrderBy(s => s.At).ThenBy(s => s.ToString(), StringComparer.Ordinal).Select(s => s.ToString())];
    }

    [Fact]
    public async Task ThreeMonths_EveryReminderArrivesOnce_AtItsLocalTime_AcrossTheEndOfDaylightSaving()
    {
        await _group.SetUpStartingAsync("27-10-2026");

        // A week before the first meeting (which is after the clocks go back): 19:30 local, still in summer time.
        Assert.Equal(
            ["di 20-10 19:30 · Anna · Bij **Team Noord** breng jij de casus in op **dinsdag 27 okt", "di 20-10 19:30 · groep · Volgende week intervisie"],
            await WaitUntilAsync(2026, 10, 20, 20));
        var notice = _group.Channel.Sent.Single(s => s.Message.Card?.Title == "Volgende week intervisie");
        Assert.Contains("Casusinbrenger: **Anna** · gespreksleider: **Bram**", notice.Text, StringComparison.Ordinal);
        Assert.Equal("Bram is afgemeld voor di 27 okt.", Assert.Single(await _group.Press("Bram", notice, "Ik kan niet")).Text);
        Assert.Equal("Eva komt op di 27 okt.", Assert.Single(await _group.Press("Eva", notice, "Ik kom")).Text);
        _group.Cases.Submit("Anna", "2026-10-27");

        // Anna prepared her case: no nudge, nobody told. The day before and the start, in winter time, still 19:30 local.
        Assert.Equal(["ma 26-10 19:30 · groep · Morgen intervisie", "di 27-10 19:30 · groep · De intervisie begint"], await WaitUntilAsync(2026, 10, 27, 21));
        var tomorrow = _group.Channel.Sent.Single(s => s.Message.Card?.Title == "Morgen intervisie").Text;
        Assert.Contains("Casusinbrenger: **Anna** · gespreksleider: **Cees**", tomorrow, StringComparison.Ordinal);
        Assert.Contains("Erbij (4): Anna, Cees, Dewi, Eva", tomorrow, StringComparison.Ordinal);
        Assert.Contains("Afgemeld: Bram", tomorrow, StringComparison.Ordinal);
        var start = _group.Channel.Sent.Single(s => s.Message.Card?.Title == "De intervisie begint");
        Assert.Equal("start", start.Message.Card!.Buttons.Single().Data[TurnRouter.CommandKey]);

        // After the first meeting the evaluation goes to those who came; at 21:30 it is quiet, so it waits until 08:00.
        await _group.HoldAsync("2026-10-27", "Anna", "Cees", "Anna", "Cees", "Dewi", "Eva");
        var surveys = new[] { "Anna", "Cees", "Dewi", "Eva" }.Select(n => $"wo 28-10 08:00 · {n} · Hoe bevalt de intervisie?").ToArray();
        Assert.Equal(surveys, await WaitUntilAsync(2026, 10, 28, 12));
        foreach (var name in new[] { "Anna", "Cees", "Dewi" })
        {
            var survey = _group.Channel.Sent.Single(s => s.To?.Name == name && s.Message.Card?.Title == "Hoe bevalt de intervisie?");
            await _group.Press(name, survey, "Versturen", new Dictionary<string, string> { ["satisfaction"] = "8", ["safety"] = "4", ["depth"] = "3", ["continue"] = "yes" });
        }

        Assert.Equal(["wo 28-10 12:30 · groep · Evaluatie na di 27 okt"], await WaitUntilAsync(2026, 10, 28, 13));

        // The second meeting is Bram's turn; he passes late in the evening. He and Cees, who takes over, hear it after the quiet hours.
        Assert.Equal(
            ["di 17-11 19:30 · Bram · Bij **Team Noord** breng jij de casus in op **dinsdag 24 nov", "di 17-11 19:30 · groep · Volgende week intervisie"],
            await WaitUntilAsync(2026, 11, 17, 22));
        var passed = await _group.Press("Bram", _group.Channel.Sent.Last(s => s.To?.Name == "Bram"), "Ik pas / ik kan niet");
        Assert.Equal("Doorgegeven: je brengt bij **Team Noord** op di 24 nov geen casus in. De volgende in de beurt hoort het van mij.", Assert.Single(passed).Text);
        Assert.Equal(
            [
                "wo 18-11 08:00 · Bram · Cees neemt jouw beurt bij **Team Noord** op di 24 nov over. ",
                "wo 18-11 08:00 · Cees · Bram kan bij **Team Noord** op di 24 nov geen casus inbrenge",
                "za 21-11 19:30 · Cees · Je casus voor **Team Noord** op di 24 nov staat nog niet kla",
                "zo 22-11 19:30 · Anna · Voor **Team Noord** op di 24 nov heeft Cees nog geen casus v",
                "ma 23-11 19:30 · groep · Morgen intervisie",
                "di 24-11 19:30 · groep · De intervisie begint",
            ],
            await WaitUntilAsync(2026, 11, 24, 21));
        await _group.HoldAsync("2026-11-24", "Cees", "Anna", "Anna", "Bram", "Cees", "Dewi", "Eva");

        // The third meeting moves a week earlier, to 19:00, and its reminders with it; while the group pauses, nothing comes.
        Assert.StartsWith("Dewi heeft de bijeenkomst van di 22 dec verplaatst naar dinsdag 15 december 2026 · 19:00.", Assert.Single(await _group.Say("Dewi", "planning verplaats 22-12-2026 15-12-2026 19:00")).Text, StringComparison.Ordinal);
        Assert.Equal(
            ["di 08-12 19:00 · Bram · Bij **Team Noord** breng jij de casus in op **dinsdag 15 dec", "di 08-12 19:00 · groep · Volgende week intervisie"],
            await WaitUntilAsync(2026, 12, 10, 10));
        await _group.Say("Cees", "planning pauze");
        Assert.Empty(await WaitUntilAsync(2026, 12, 14, 12));
        await _group.Say("Cees", "planning hervat");
        Assert.Equal(["ma 14-12 19:00 · groep · Morgen intervisie", "di 15-12 19:00 · groep · De intervisie begint"], await WaitUntilAsync(2026, 12, 15, 20, 30));

        // The third meeting: the evaluation again; nothing on the date the meeting moved away from.
        await _group.HoldAsync("2026-12-22", "Bram", "Dewi", "Anna", "Bram", "Cees", "Dewi", "Eva");
        surveys = [.. new[] { "Anna", "Bram", "Cees", "Dewi", "Eva" }.Select(n => $"wo 16-12 08:00 · {n} · Hoe bevalt de intervisie?")];
        Assert.Equal(surveys, await WaitUntilAsync(2027, 1, 2, 10));

        // The fourth is cancelled: nothing comes for it.
        Assert.StartsWith("Eva heeft de bijeenkomst van di 19 jan geannuleerd.", Assert.Single(await _group.Say("Eva", "planning annuleer 19-1-2027")).Text, StringComparison.Ordinal);
        Assert.Empty(await WaitUntilAsync(2027, 1, 21, 12));
        Assert.DoesNotContain(await _group.Get<IDueWorkScheduler>().ListAsync(_group.Address), w => w.DueAt < new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
