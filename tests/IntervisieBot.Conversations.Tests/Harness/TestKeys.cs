using IntervisieBot.Storage.Protection;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>Fixed encryption keys for tests (never used anywhere else).</summary>
public static class TestKeys
{
    public static EncryptionKey First { get; } = new("test-1", [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))]);

    public static EncryptionKey Second { get; } = new("test-2", [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))]);

    public static PrivacyProtector Protector { get; } = new(new KeyRing(First));
}
