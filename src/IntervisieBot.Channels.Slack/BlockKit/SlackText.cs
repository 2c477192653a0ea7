using System.Text;
using System.Text.RegularExpressions;

namespace IntervisieBot.Channels.Slack.BlockKit;

/// <summary>
/// The bot's simple markdown (<c>**bold**</c>, <c>_italic_</c>, lists, line breaks) as Slack mrkdwn (<c>*bold*</c>,
/// <c>_italic_</c>), with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped as Slack asks, except for the mention tokens
/// <c>&lt;@U123&gt;</c>, which are Slack's own mention syntax and stay as they are.
/// </summary>
public static partial class SlackText
{
    public static string ToMrkdwn(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match mention in Mention().Matches(text))
        {
            builder.Append(Escape(Bold(text[last..mention.Index])));
            builder.Append(mention.Value);
            last = mention.Index + mention.Length;
        }

        builder.Append(Escape(Bold(text[last..])));
        return builder.ToString();
    }

    /// <summary>Plain text for places that take no markup (headers, labels, buttons), cut to Slack's limit for the place.</summary>
    public static string Plain(string text, int maxLength)
    {
        var plain = text.Replace("**", "", StringComparison.Ordinal);
        return plain.Length <= maxLength ? plain : plain[..(maxLength - 1)] + "…";
    }

    /// <summary>Cuts mrkdwn to a block's limit, at a line break when there is one near the end.</summary>
    public static string Cut(string mrkdwn, int maxLength) => mrkdwn.Length <= maxLength ? mrkdwn : mrkdwn[..(maxLength - 1)] + "…";

    /// <summary>Removes mentions of <paramref name="userId"/> (<c>&lt;@U1&gt;</c> or <c>&lt;@U1|name&gt;</c>) and squeezes the spaces.</summary>
    public static string WithoutMentionOf(string text, string userId)
    {
        var without = Mention().Replace(text, m => m.Groups["id"].Value == userId ? " " : m.Value);
        return Spaces().Replace(without, " ").Trim();
    }

    /// <summary>Slack escapes &amp;, &lt; and &gt; in the text it sends; this gives back what the user typed.</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    public static bool Mentions(string text, string userId) =>
        Mention().Matches(text).Any(m => m.Groups["id"].Value == userId);

    private static string Bold(string text) => BoldMarkdown().Replace(text, "*$1*");

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.Singleline)]
    private static partial Regex BoldMarkdown();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
