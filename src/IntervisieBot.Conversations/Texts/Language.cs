namespace IntervisieBot.Conversations.Texts;

public enum Language
{
    Dutch,
    English,
}

public static class Languages
{
    /// <summary>Dutch for an <c>nl</c> locale (nl-NL, nl-BE), English otherwise.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("nl-", StringComparison.OrdinalIgnoreCase))
            ? Language.Dutch
            : Language.English;
}
