namespace IntervisieBot.Playground;

/// <summary>A simulated member as the page registered them.</summary>
public sealed record PlaygroundMember(string Id, string Name);
