namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The order anonymous contributions are revealed in: shuffled, so one person's contributions do not sit together.
/// Its randomness comes from the composition (a seeded <see cref="Random"/> in tests).
/// </summary>
public sealed class RevealOrder(Random random)
{
    private readonly Lock _lock = new();

    public T[] Shuffle<T>(IEnumerable<T> items)
    {
        var shuffled = items.ToArray();
        lock (_lock)
        {
            random.Shuffle(shuffled);
        }

        return shuffled;
    }
}
