using Riposte.Detection.Graph;

namespace Riposte.Detection.Text;

/// <summary>
/// Groups texts that are near-duplicates of each other: MinHash signatures over word bigrams,
/// LSH banding to find candidates, and a check of the estimated similarity before two texts are
/// joined. Each band bucket keeps its first text as representative, so a message copied ten
/// thousand times costs ten thousand comparisons, not fifty million.
/// </summary>
public sealed class NearDuplicateGrouper(int bands = 21, int rows = 3, int shingleWords = 2, int seed = 1)
{
    public const int NoGroup = -1;

    private readonly MinHasher _hasher = new(64, seed);

    /// <summary>
    /// A group key for each text (dense, 0-based), or <see cref="NoGroup"/> when the text is null or
    /// shorter than <paramref name="minWords"/> words. Texts with the same key are near-duplicates.
    /// </summary>
    public int[] Group(IReadOnlyList<string?> texts, double threshold, int minWords)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var n = texts.Count;
        var length = _hasher.Length;
        var signatures = new uint[(long)n * length];
        var usable = new bool[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var text = texts[i];
            if (text is null)
                return;
            var words = TextNormaliser.WordHashes(text);
            if (words.Count < minWords)
                return;
            var shingles = TextNormaliser.Shingles(words, shingleWords);
            _hasher.Sign(shingles, signatures.AsSpan(i * length, length));
            usable[i] = true;
        });

        var joins = new List<(int Doc, int Rep)>[bands];
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var buckets = new Dictionary<ulong, int>();
            var found = new List<(int, int)>();
            for (var i = 0; i < n; i++)
            {
                if (!usable[i])
                    continue;
                var sig = signatures.AsSpan(i * length, length);
                var key = 0xCBF29CE484222325UL ^ (ulong)b;
                for (var r = 0; r < rows; r++)
                    key = MinHasher.Mix(key ^ sig[(b * rows) + r]);
                if (!buckets.TryGetValue(key, out var rep))
                    buckets[key] = i;
                else if (MinHasher.Estimate(sig, signatures.AsSpan(rep * length, length)) >= threshold)
                    found.Add((i, rep));
            }
            joins[b] = found;
        });

        var sets = new UnionFind(n);
        foreach (var list in joins)
        {
            foreach (var (doc, rep) in list)
                sets.Union(doc, rep);
        }
        var keys = new int[n];
        var rootKey = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (!usable[i])
            {
                keys[i] = NoGroup;
                continue;
            }
            var root = sets.Find(i);
            if (!rootKey.TryGetValue(root, out var k))
                rootKey[root] = k = rootKey.Count;
            keys[i] = k;
        }
        return keys;
    }

    /// <summary>The estimated Jaccard similarity of two texts' word-bigram sets.</summary>
    public double Similarity(string a, string b)
    {
        var sa = _hasher.Sign(TextNormaliser.Shingles(TextNormaliser.WordHashes(a), shingleWords));
        var sb = _hasher.Sign(TextNormaliser.Shingles(TextNormaliser.WordHashes(b), shingleWords));
        return MinHasher.Estimate(sa, sb);
    }
}
