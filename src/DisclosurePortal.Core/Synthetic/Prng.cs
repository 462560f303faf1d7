namespace DisclosurePortal.Core.Synthetic;

/// <summary>
/// A small SplitMix64 generator keyed by (seed, stream, index), so any recording, release or list row
/// can be regenerated on its own — nothing has to be kept in memory — and the output never depends on
/// the .NET version's System.Random.
/// </summary>
internal sealed class Prng
{
    private ulong state;

    public Prng(int seed, int stream, long index)
    {
        state = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 56) ^ (ulong)index;
        state = Mix(state + 0x9E3779B97F4A7C15UL);
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
