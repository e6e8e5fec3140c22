using System.Globalization;
using Riposte.Stix;

namespace Riposte.Cli.Seeding;

/// <summary>
/// Every random choice of the seeded data, from one <see cref="Random"/> seeded by the user, so a seed
/// always gives the same objects (ids and timestamps included: nothing reads the clock).
/// </summary>
internal sealed class SeedRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with the given weights (need not sum to 1).</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Count - 1;
    }

    /// <summary><paramref name="count"/> distinct items (fewer when the list is shorter).</summary>
    public List<T> Several<T>(IReadOnlyList<T> items, int count)
    {
        var chosen = new List<T>(count);
        var taken = new HashSet<int>();
        count = Math.Min(count, items.Count);
        while (chosen.Count < count)
        {
            var i = _random.Next(items.Count);
            if (taken.Add(i))
                chosen.Add(items[i]);
        }
        return chosen;
    }

    /// <summary>A STIX id with a version-4 UUID drawn from the seed.</summary>
    public string Id(string type)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return StixIds.Create(type, new Guid(bytes));
    }

    public string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
