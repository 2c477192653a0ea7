using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Methods;

public class MethodLibraryTests
{
    private const string CustomJson = """
        {
          "id": "quick-check",
          "version": 1,
          "name": { "nl": "Korte check", "en": "Quick check" },
          "summary": { "nl": "Een korte vragenronde.", "en": "A short round of questions." },
          "whenToUse": { "nl": "Als er weinig tijd is.", "en": "When time is short." },
          "aliases": ["snelle check"],
          "suitsQuestions": ["openTheme"],
          "minimumExperience": "new",
          "duration": { "minMinutes": 15, "maxMinutes": 20 },
          "steps": [
            {
              "id": "tell",
              "title": { "nl": "Vertellen", "en": "Telling" },
              "instruction": { "nl": "Vertel je casus.", "en": "Tell your case." },
              "actor": "caseOwner",
              "interaction": "explain",
              "phase": "caseIntroduction",
              "timeboxMinutes": 5
            },
            {
              "id": "questions",
              "title": { "nl": "Vragen", "en": "Questions" },
              "instruction": { "nl": "Stel om de beurt een vraag.", "en": "Take turns to ask a question." },
              "actor": "participants",
              "interaction": "round",
              "phase": "core",
              "timeboxMinutes": 10,
              "round": { "prompt": { "nl": "Jouw vraag:", "en": "Your question:" } }
            },
            {
              "id": "takeaway",
              "title": { "nl": "Meenemen", "en": "Takeaway" },
              "instruction": { "nl": "Wat neem je mee?", "en": "What do you take away?" },
              "actor": "everyone",
              "interaction": "reflect",
              "phase": "evaluation",
              "timeboxMinutes": 3
            }
          ]
        }
        """;

    private static readonly MethodLibrary Library = MethodLibrary.BuiltIn;

    [Theory]
    [InlineData("socratic", "socratic")]
    [InlineData("Socratische", "socratic")]
    [InlineData("socratische intervisie", "socratic")]
    [InlineData("Sócratische", "socratic")]
    [InlineData("Socratic intervision", "socratic")]
    [InlineData("tien stappen", "ten-steps")]
    [InlineData("Tienstappenmethode", "ten-steps")]
    [InlineData("10 stappen", "ten-steps")]
    [InlineData("ten-step", "ten-steps")]
    [InlineData("Ten step method", "ten-steps")]
    [InlineData("vijf stappen", "five-steps")]
    [InlineData("five steps", "five-steps")]
    [InlineData("roddelen", "gossip")]
    [InlineData("Roddelmethode", "gossip")]
    [InlineData("gossip method", "gossip")]
    [InlineData("incidentmethode", "incident")]
    [InlineData("incident method", "incident")]
    [InlineData("Incidenten", "incidents")]
    [InlineData("incidents", "incidents")]
    [InlineData("balint", "balint")]
    [InlineData("Balint-methode", "balint")]
    [InlineData("STARR", "starr")]
    [InlineData("starr methode", "starr")]
    [InlineData("vrije intervisie", "free")]
    [InlineData("free intervision", "free")]
    [InlineData("  Vrije   Intervisie! ", "free")]
    public void Find_ByIdNameOrAlias_InDutchOrEnglish_FindsTheMethod(string typed, string id)
    {
        Assert.Equal(id, Library.Find(typed)?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("methode")]
    [InlineData("krachtenveldanalyse")]
    public void Find_UnknownName_FindsNothing(string typed)
    {
        Assert.Null(Library.Find(typed));
    }

    [Fact]
    public void Get_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => Library.Get("nope"));
    }

    [Fact]
    public void Parse_ValidJson_GivesTheDefinition()
    {
        var method = MethodLibrary.Parse(CustomJson, "quick-check.json");

        Assert.Equal("quick-check", method.Id);
        Assert.Equal(new LocalizedText("Korte check", "Quick check"), method.Name);
        Assert.Equal(StepInteraction.Round, method.Steps[1].Interaction);
        Assert.Equal(new LocalizedText("Jouw vraag:", "Your question:"), method.Steps[1].Round!.Prompt);
        Assert.Equal(TimeSpan.FromMinutes(18), method.PlannedTime);
        Assert.False(method.RequiresHighSafety);
        Assert.Empty(method.AlsoSuits);
    }

    [Fact]
    public void Parse_UnknownInteraction_NamesTheFileTheFieldAndTheKnownValues()
    {
        var json = CustomJson.Replace("\"interaction\": \"round\"", "\"interaction\": \"discussion\"", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "custom/quick-check.json"));

        Assert.Equal("custom/quick-check.json", error.Origin);
        Assert.Contains(
            "$.steps[1].interaction: 'discussion' is not a known interaction; expected one of choose, collect, explain, rank, reflect, round, timer",
            error.Errors);
        Assert.Contains("custom/quick-check.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.steps[1].interaction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PascalCaseEnumValue_IsRejected()
    {
        var json = CustomJson.Replace("\"caseOwner\"", "\"CaseOwner\"", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.Contains(error.Errors, message => message.StartsWith("$.steps[0].actor: 'CaseOwner' is not a known actor", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingEnglishText_NamesTheField()
    {
        var json = CustomJson.Replace(", \"en\": \"Take turns to ask a question.\"", "", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.Equal(["steps[1] ('questions').instruction.en: the English text is missing or empty"], error.Errors);
    }

    [Fact]
    public void Parse_TimeboxesOutsideTheDuration_IsRejected()
    {
        var json = CustomJson.Replace("\"maxMinutes\": 20", "\"maxMinutes\": 16", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.Equal(["steps: the timeboxes add up to 18 minutes, outside the duration of 15–16 minutes"], error.Errors);
    }

    [Fact]
    public void Parse_DuplicateStepId_IsRejected()
    {
        var json = CustomJson.Replace("\"id\": \"takeaway\"", "\"id\": \"tell\"", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.Equal(["steps: id 'tell' is used by 2 steps; step ids must be unique within a method"], error.Errors);
    }

    [Fact]
    public void Parse_MisspelledFieldAndWrongType_AreBothReported()
    {
        var json = CustomJson
            .Replace("\"timeboxMinutes\": 5", "\"timebox\": 5", StringComparison.Ordinal)
            .Replace("\"version\": 1", "\"version\": \"one\"", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.Contains("$.version: expected a number, found a string", error.Errors);
        Assert.Contains(error.Errors, message => message.StartsWith("$.steps[0].timebox: unknown field", StringComparison.Ordinal));
        Assert.Contains("$.steps[0].timeboxMinutes: missing", error.Errors);
    }

    [Fact]
    public void Parse_InvalidJson_SaysWhere()
    {
        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse("{ \"id\": \"x\",\n  \"version\": }", "broken.json"));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith("not valid JSON at line 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateProperty_IsRejected()
    {
        var json = CustomJson.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,", StringComparison.Ordinal);

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.Parse(json, "quick-check.json"));

        Assert.StartsWith("not valid JSON", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseAll_SeveralBrokenFiles_ReportsEveryFile()
    {
        MethodFile[] files =
        [
            new("a.json", CustomJson.Replace("\"phase\": \"core\"", "\"phase\": \"middle\"", StringComparison.Ordinal)),
            new("b.json", "[]"),
            new("c.json", CustomJson),
        ];

        var error = Assert.Throws<MethodDefinitionException>(() => MethodLibrary.ParseAll(files));

        Assert.Contains(error.Errors, message => message.StartsWith("a.json: $.steps[1].phase: 'middle' is not a known phase", StringComparison.Ordinal));
        Assert.Contains("b.json: $: expected an object with the method's fields, found a list", error.Errors);
        Assert.DoesNotContain(error.Errors, message => message.StartsWith("c.json", StringComparison.Ordinal));
    }

    [Fact]
    public void With_NewCustomMethod_IsAddedAfterTheBuiltInOnesAndFoundByAlias()
    {
        var library = Library.With([MethodLibrary.Parse(CustomJson, "quick-check.json")]);

        Assert.Equal(10, library.All.Count);
        Assert.Equal("quick-check", library.All[^1].Id);
        Assert.Equal("quick-check", library.Find("Snelle check")?.Id);
        Assert.Equal(9, Library.All.Count);
    }

    [Fact]
    public void With_CustomDefinitionWithTheSameIdAndAHigherVersion_ReplacesTheBuiltIn()
    {
        var builtIn = Library.Get("five-steps");
        var custom = builtIn with { Version = 2, Name = new LocalizedText("Vijf stappen (onze versie)", "Five steps (our version)") };

        var library = Library.With([custom]);

        Assert.Equal(9, library.All.Count);
        Assert.Same(custom, library.Get("five-steps"));
        Assert.Same(custom, library.Find("vijf stappen"));
        Assert.Equal(1, library.All.ToList().IndexOf(custom));
        Assert.Same(builtIn, library.Find("five-steps", 1));
        Assert.Same(custom, library.Find("five-steps", 2));
        Assert.Null(library.Find("five-steps", 3));
    }

    [Fact]
    public void With_CustomDefinitionWithTheSameVersion_IsRejectedWithAHint()
    {
        var custom = Library.Get("gossip") with { Summary = new LocalizedText("Anders", "Different") };

        var error = Assert.Throws<MethodDefinitionException>(() => Library.With([custom]));

        Assert.Equal(
            ["gossip v1: does not replace the method already loaded with version 1; give it version 2 or higher to replace it, or another id to add it"],
            error.Errors);
    }

    [Fact]
    public void With_InvalidCustomDefinition_StopsWithEveryError()
    {
        var custom = MethodLibrary.Parse(CustomJson, "quick-check.json") with { WhenToUse = new LocalizedText("", "") };

        var error = Assert.Throws<MethodDefinitionException>(() => Library.With([custom]));

        Assert.Equal("custom methods", error.Origin);
        Assert.Equal(
            ["quick-check v1: whenToUse.nl: the Dutch text is missing or empty", "quick-check v1: whenToUse.en: the English text is missing or empty"],
            error.Errors);
    }

    [Fact]
    public void With_AliasThatNamesAnotherMethod_IsRejected()
    {
        var custom = MethodLibrary.Parse(CustomJson, "quick-check.json") with { Aliases = ["roddelen"] };

        var error = Assert.Throws<MethodDefinitionException>(() => Library.With([custom]));

        Assert.Equal(["quick-check v1: the name or alias 'roddelen' also names method gossip; lookups would be ambiguous"], error.Errors);
    }

    [Fact]
    public void With_TwoCustomDefinitionsWithOneId_IsRejected()
    {
        var custom = MethodLibrary.Parse(CustomJson, "quick-check.json");

        var error = Assert.Throws<MethodDefinitionException>(() => Library.With([custom, custom with { Version = 2 }]));

        Assert.Contains("quick-check: 2 custom definitions share this id; keep one", error.Errors);
    }
}
