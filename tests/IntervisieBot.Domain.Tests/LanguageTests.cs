namespace IntervisieBot.Domain.Tests;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("nl", Language.Dutch)]
    [InlineData("nl-NL", Language.Dutch)]
    [InlineData("NL-be", Language.Dutch)]
    [InlineData("en-US", Language.English)]
    [InlineData("de-DE", Language.English)]
    [InlineData("nld", Language.English)]
    [InlineData(null, Language.English)]
    public void FromLocale_IsDutchOnlyForAnNlLocale(string? locale, Language expected) =>
        Assert.Equal(expected, Language.FromLocale(locale));

    [Theory]
    [InlineData(Language.Dutch, "nl")]
    [InlineData(Language.English, "en")]
    public void Code_ReadsBackWithFromCode(Language language, string code)
    {
        Assert.Equal(code, language.Code);
        Assert.Equal(language, Language.FromCode(code));
    }

    [Fact]
    public void FromCode_OfAnotherCode_Throws() => Assert.Throws<ArgumentException>(() => Language.FromCode("de"));
}
