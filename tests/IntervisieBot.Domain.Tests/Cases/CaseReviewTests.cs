using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Cases;

public sealed class CaseReviewTests
{
    private static PreparedCase Case(string question, string situation = "Op maandag in het overleg.") =>
        new() { Title = "t", Situation = situation, Question = question };

    [Theory]
    [InlineData("Hoe regel ik het budget voor de training?")]
    [InlineData("Wie moet het rooster maken?")]
    [InlineData("Hoe kan het team beter samenwerken?")]
    [InlineData("Which tool should we use for the planning?")]
    public void AQuestionAboutSomethingToArrange_OrNotAboutTheOwner_LooksLikeATask(string question) =>
        Assert.True(CaseReview.LooksLikeTask(question));

    [Theory]
    [InlineData("Mijn vraag is: hoe kan ik rustig mijn grens aangeven?")]
    [InlineData("Wat maakt dat ik steeds ja zeg tegen extra werk?")]
    [InlineData("How can I stay calm when my manager interrupts me?")]
    public void AQuestionAboutTheOwnersOwnActing_IsReflective(string question) =>
        Assert.False(CaseReview.LooksLikeTask(question));

    [Theory]
    [InlineData("Wanneer mag je handelen naar je onderbuikgevoel?", QuestionKind.Fundamental)]
    [InlineData("Hoe kan ik rustig blijven bij mijn collega?", QuestionKind.WorkingRelationship)]
    [InlineData("Wat maakt dat ik zo geschrokken reageerde?", QuestionKind.ConcreteIncident)]
    [InlineData("Wat maakt dat ik het steeds zelf oplos?", QuestionKind.OwnContribution)]
    [InlineData("Had ik anders moeten reageren?", QuestionKind.OwnBehaviour)]
    [InlineData("Hoe geef ik richting aan mijn loopbaan?", QuestionKind.OpenTheme)]
    public void TheKindOfQuestion_IsGuessedFromItsWords(string question, QuestionKind expected) =>
        Assert.Equal(expected, CaseReview.InferKind(Case(question)));

    [Fact]
    public void ACase_NeedsATitleSituationAndQuestion_WithinTheirLengths()
    {
        Assert.Empty(PreparedCase.Problems("Titel", "Situatie", "Vraag", null, null));
        Assert.Equal(["title", "question"], PreparedCase.Problems(" ", "Situatie", null, null, null));
        Assert.Equal(["situation", "hotSpot"], PreparedCase.Problems("Titel", new string('x', 3001), "Vraag", null, new string('x', 3001)));
    }

    [Fact]
    public void TheSessionsMethod_IsTheOwnersWish_ElseTheBestAdvised()
    {
        var advised = Case("Vraag") with { Recommended = ["incident", "starr"] };

        Assert.Equal("incident", advised.MethodForSession);
        Assert.Equal("balint", (advised with { PreferredMethod = "balint" }).MethodForSession);
        Assert.Null(Case("Vraag").MethodForSession);
    }
}
