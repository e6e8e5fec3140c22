using System.Runtime.InteropServices;
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

    /// <summary>An empty set for this grouper's signatures.</summary>
    public SignatureSet NewSignatureSet() => new(_hasher.Length);

    /// <summary>
    /// Signs a text into <paramref name="signatures"/> and returns its index, or <see cref="NoGroup"/> when it is
    /// shorter than <paramref name="minWords"/> normalised words (too short to call anything a copy of it).
    /// </summary>
    public int Sign(string text, int minWords, SignatureSet signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        var words = TextNormaliser.WordHashes(text);
        if (words.Count < minWords)
            return NoGroup;
        Span<uint> signature = stackalloc uint[_hasher.Length];
        _hasher.Sign(TextNormaliser.Shingles(words, shingleWords), signature);
        return signatures.Add(signature);
    }

    /// <summary>
    /// A group key for each text (dense, 0-based), or <see cref="NoGroup"/> when the text is null or
    /// shorter than <paramref name="minWords"/> words. Texts with the same key are near-duplicates.
    /// </summary>
    public int[] Group(IReadOnlyList<string?> texts, double threshold, int minWords)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var signatures = NewSignatureSet();
        var index = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            index[i] = texts[i] is { } text ? Sign(text, minWords, signatures) : NoGroup;
        var groups = Group(signatures, threshold);
        return [.. index.Select(s => s == NoGroup ? NoGroup : groups[s])];
    }

    /// <summary>A group key (dense, 0-based) for each signature, in the order they were added.</summary>
    public int[] Group(SignatureSet signatures, double threshold)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var n = signatures.Count;
        var joins = new List<(int Doc, int Rep)>[bands];
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var buckets = new Dictionary<ulong, int>(n);
            var found = new List<(int, int)>();
            for (var i = 0; i < n; i++)
            {
                var sig = signatures[i];
                var key = 0xCBF29CE484222325UL ^ (ulong)b;
                for (var r = 0; r < rows; r++)
                    key = MinHasher.Mix(key ^ sig[(b * rows) + r]);
                ref var rep = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out var exists);
                if (!exists)
                    rep = i;
                else if (signatures.Estimate(i, rep) >= threshold)
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
