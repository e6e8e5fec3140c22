using Riposte.Storage;

namespace Riposte.Federation.Stream;

/// <summary>
/// The store's highest insertion sequence, found through the store's own seam (no provider-specific
/// query): a probe asks for the first version after a sequence (an indexed seek); galloping then
/// bisecting finds the head in about 2·log2(versions added since <c>known</c>) probes, none when nothing was.
/// </summary>
public static class StoreHead
{
    /// <summary>The highest sequence held, at least <paramref name="known"/> (which need not be held any more).</summary>
    public static long Find(IStixStore store, long known)
    {
        if (After(store, known) is not { } low)
            return known;
        // Gallop: low is held; find a bound above which nothing is.
        var step = 1L;
        long high;
        while (true)
        {
            var probe = low + step;
            if (After(store, probe) is not { } found)
            {
                high = probe;
                break;
            }
            low = found;
            step *= 2;
        }
        // Bisect (low held, nothing after high): sequences may have gaps, so each probe jumps to a held one.
        while (high - low > 0)
        {
            var middle = low + ((high - low) / 2);
            if (After(store, middle) is { } found)
                low = found;
            else
                high = middle;
        }
        return low;
    }

    private static long? After(IStixStore store, long sequence) =>
        store.Query(new StixQuery { AfterSequence = sequence, Versions = VersionFilter.All, Limit = 1 }).Select(s => (long?)s.Sequence).FirstOrDefault();
}
