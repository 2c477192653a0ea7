namespace IntervisieBot.Conversations.Groups;

/// <summary>What <see cref="GroupSetupDialog"/> begins with: the questions to ask (all, or those of one setting).</summary>
public sealed record GroupSetupOptions(IReadOnlyList<string> Fields);
