namespace IntervisieBot.Domain.Methods;

/// <summary>A warm-up for a check-in, above all at a group's first meeting.</summary>
/// <param name="Id">A stable slug, so a group's record can say which icebreaker it used.</param>
/// <param name="Title">A short name for the exercise.</param>
/// <param name="Instruction">What the group does, addressed to the group.</param>
/// <param name="Time">About how long it takes with a group of five.</param>
public sealed record Icebreaker(string Id, LocalizedText Title, LocalizedText Instruction, TimeSpan Time);

/// <summary>
/// The icebreakers from the facilitator's handbook (seed 003, appendix), retold for a group that meets in a chat or
/// a video call as well as in a room.
/// </summary>
public static class Icebreakers
{
    /// <summary>The icebreaker for a group's n-th meeting (from 1): all of them in turn, then again from the first.</summary>
    public static Icebreaker ForMeeting(int meetingNumber) => All[(Math.Max(1, meetingNumber) - 1) % All.Count];

    public static IReadOnlyList<Icebreaker> All { get; } =
    [
        new(
            "introductions",
            new("Voorstelronde", "Round of introductions"),
            new(
                "Vertel om de beurt in een paar zinnen wie je bent: waar je werkt, waar je deskundig in bent en wat je van " +
                "deze groep hoopt. Heb je al eens intervisie gedaan, zeg dan ook wat je daaruit in je werk hebt meegenomen.",
                "Take turns to say in a few sentences who you are: where you work, what you know most about, and what you " +
                "hope this group brings you. If you have done intervision before, add what you took from it into your work."),
            TimeSpan.FromMinutes(10)),
        new(
            "dilemma-line",
            new("Dilemmalijn", "Dilemma line"),
            new(
                "De gespreksleider noemt twee uitersten en ieder kiest zijn plek ertussen, op een lijn door de kamer of met " +
                "een cijfer van 1 tot 10 in de chat. Vertel in één zin wat maakt dat je daar staat. Voorbeelden: hoe tevreden ben " +
                "je de laatste tijd over je werk; sleur of juist afwisseling; één ding tegelijk of veel door elkaar; " +
                "reflecteer je uit jezelf of vooral als iets of iemand je ertoe aanzet; liever vertragen of liever versnellen.",
                "The facilitator names two extremes and everyone picks a spot between them, on a line across the room or as " +
                "a number from 1 to 10 in the chat. Say in one sentence what puts you there. For example: how satisfied you " +
                "have been with your work lately; routine or variety; one thing at a time or many at once; reflecting on your " +
                "own accord or mostly when something or someone prompts you; slowing down or speeding up."),
            TimeSpan.FromMinutes(10)),
        new(
            "walk-and-talk",
            new("Wandelen en praten", "Walk and talk"),
            new(
                "Ga in tweetallen een korte wandeling maken, buiten als het kan, of bel elkaar terwijl je loopt. Bespreek " +
                "wat je van intervisie verwacht, wat je hoopt te halen en wat je de ander wilt bieden. Handig na de lunch, " +
                "als de energie zakt.",
                "Go for a short walk in pairs, outside if you can, or call each other while walking. Talk about what you " +
                "expect from intervision, what you hope to get from it and what you would like to offer the other. Useful " +
                "after lunch, when energy dips."),
            TimeSpan.FromMinutes(15)),
        new(
            "bring-an-object",
            new("Pak er iets bij", "Grab an object"),
            new(
                "Pak iets uit je huis of van je werkplek dat je blij maakt, dat een bijzondere betekenis voor je heeft, of " +
                "waar je juist een hekel aan hebt. Laat het om de beurt zien en vertel in een minuut wat het met jou te " +
                "maken heeft.",
                "Fetch something from your home or workplace that makes you happy, that means something special to you, " +
                "or that you cannot stand. Take turns to show it and say in a minute what it has to do with you."),
            TimeSpan.FromMinutes(10)),
        new(
            "where-we-are",
            new("Waar zitten we?", "Where are we?"),
            new(
                "Laat ieder op een kaart aanwijzen waar hij woont en werkt: met een sticker op een getekende kaart van " +
                "Nederland, of door in de chat je woonplaats en werkgebied te noemen. Zo zie je meteen waar iedereen " +
                "vandaan komt en in welke regio's jullie werken.",
                "Have everyone show on a map where they live and work: with a sticky note on a hand-drawn map of the " +
                "Netherlands, or by naming their home town and working area in the chat. You see at once where everyone " +
                "comes from and which regions you work in."),
            TimeSpan.FromMinutes(5)),
        new(
            "what-matters",
            new("Wat ik belangrijk vind", "What matters to me"),
            new(
                "Schrijf eerst ruim tien minuten zo uitgebreid als je wilt op wat je belangrijk vindt in je werk. Neem dan " +
                "een paar minuten om dat terug te brengen tot de kern, want je krijgt maar een halve minuut. Vertel het om " +
                "de beurt in die halve minuut. Bespreek tot slot: wat trof je, en hoe voelde het om dit te doen? Vaak komen er " +
                "gedeelde waarden en drijfveren boven.",
                "First write for about ten minutes, at whatever length you like, about what matters to you in your work. " +
                "Then take a few minutes to boil it down to its core, because you will only get half a minute. Take turns " +
                "to tell it in that half minute. Finally, talk it over: what stood out, and what was it like to do? Shared " +
                "values and motives often come to the surface."),
            TimeSpan.FromMinutes(25)),
        new(
            "moment-at-work",
            new("Een moment uit je werk", "A moment from your work"),
            new(
                "Vertel om de beurt over een moment uit je werk van de laatste tijd waar je blij van werd. Het mag ook een " +
                "moment zijn waarop je flink baalde, jezelf overtrof, er bijna de brui aan gaf of je de beste collega ooit voelde. " +
                "Als iedereen geweest is, zoek je samen naar wat de verhalen gemeen hebben.",
                "Take turns to tell about a recent moment at work that made you happy. It may also be a moment you were fed " +
                "up, outdid yourself, nearly gave up, or felt like the best colleague ever. When everyone has had a turn, " +
                "look together for what the stories have in common."),
            TimeSpan.FromMinutes(10)),
        new(
            "wouldnt-it-be-great",
            new("Het zou geweldig zijn als...", "Wouldn't it be great if..."),
            new(
                "Laat je gedachten even gaan: hoe ziet je werk eruit als de kern ervan helemaal is zoals je zou willen? Wat zou er dan " +
                "echt geweldig zijn? Bespreek het in tweetallen of drietallen, met aandacht voor elkaars droom en voor wat " +
                "jullie dromen gemeen hebben.",
                "Daydream for a moment: what does your work look like when its core is just as you would wish? What would " +
                "be truly great then? Talk it over in pairs or threes, paying attention to each other's dream and to what " +
                "your dreams share."),
            TimeSpan.FromMinutes(10)),
    ];

    public static Icebreaker? Find(string id) => All.FirstOrDefault(icebreaker => icebreaker.Id == id);
}
