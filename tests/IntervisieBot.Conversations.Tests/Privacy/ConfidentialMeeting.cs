using IntervisieBot.Conversations.Tests.Harness;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>
/// A group whose name, agreement, prepared case and whole session all hold a secret word: what the storage tests look
/// for in the raw rows afterwards.
/// </summary>
public static class ConfidentialMeeting
{
    /// <summary>Words of the group's name, agreement and case that must never be found in plain in the store.</summary>
    public static readonly string[] Texts = ["Noord", "blijft hier", "Joris"];

    /// <summary>Sets the group up as "{secret} Noord", adds an agreement, lets Anna prepare a case, and runs the incident method from start to record.</summary>
    public static async Task RunAsync(GroupChat chat, string secret)
    {
        await SetUpAsync(chat, $"{secret} Noord");
        await chat.Say("Anna", $"afspraak toevoegen {secret}: wat hier gezegd wordt, blijft hier");
        await PrepareCaseAsync(chat, "Anna", secret);
        await chat.RunSessionAsync(PrivacyBot.Incident, PrivacyBot.NamesA, secret);
    }

    /// <summary>Anna sets the group up by typing (every 4 weeks on Tuesday 19:30 from 12 January 2027, everyone takes part).</summary>
    public static async Task SetUpAsync(GroupChat chat, string name)
    {
        foreach (var answer in new[] { "instellen", name, "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027", "iedereen", "wisselt", "ja" })
        {
            await chat.Say("Anna", answer);
        }
    }

    /// <summary>The member prepares a case question by question in their personal chat; every answer holds the secret.</summary>
    public static async Task PrepareCaseAsync(GroupChat chat, string who, string secret)
    {
        foreach (var answer in new[]
                 {
                     "casus", "vragen", $"{secret}: onderbroken", $"{secret}: dinsdag onderbrak Joris mij drie keer.",
                     $"Mijn vraag is: hoe kan ik rustig mijn grens aangeven bij Joris? ({secret})", $"{secret}: met mijn teamleider gepraat.",
                     $"{secret}: het moment dat Joris zei: laat mij maar.", "geen", "ja", "ja", "ja", "1",
                 })
        {
            await chat.Privately(who, answer);
        }
    }
}
