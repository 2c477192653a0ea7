using IntervisieBot.Domain.Questions;

namespace IntervisieBot.Domain.Tests.Questions;

public sealed class WhyQuestionTests
{
    [Theory]
    [InlineData("Waarom heb je dat niet eerder gezegd?")]
    [InlineData("waarom?")]
    [InlineData("  \"Waarom koos je voor die aanpak?\"")]
    [InlineData("Anna, waarom reageerde je zo?")]
    [InlineData("@Anna waarom zo laat?")]
    [InlineData("Why did you wait so long?")]
    [InlineData("How come you said yes?")]
    [InlineData("Hoezo moest dat vandaag?")]
    public void AQuestionOpeningWithWhy_IsFlagged(string question)
    {
        Assert.True(WhyQuestion.IsWhyQuestion(question));
        Assert.NotNull(WhyQuestion.Suggestion(question));
    }

    [Theory]
    [InlineData("Wat maakt dat je zo reageerde?")]
    [InlineData("Hoe voelde dat voor jou?")]
    [InlineData("What made you say yes?")]
    [InlineData("Waaromheen draait het eigenlijk?")]
    [InlineData("Ik vraag me af waarom dat zo liep.")]
    [InlineData("")]
    public void OtherQuestions_AreLeftAlone(string question)
    {
        Assert.False(WhyQuestion.IsWhyQuestion(question));
        Assert.Null(WhyQuestion.Suggestion(question));
    }

    [Fact]
    public void TheSuggestion_OffersWhatMakesThat_InBothLanguages()
    {
        var suggestion = WhyQuestion.Suggestion("Waarom heb je dat niet eerder gezegd?")!;

        Assert.Contains("\"Wat maakt dat ...?\"", suggestion.Nl, StringComparison.Ordinal);
        Assert.Contains("\"What makes ...?\"", suggestion.En, StringComparison.Ordinal);
    }
}
