namespace IntervisieBot.Domain;

/// <summary>A text the bot shows, in Dutch and in English. Both are required.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.Dutch ? Nl : En;
}
