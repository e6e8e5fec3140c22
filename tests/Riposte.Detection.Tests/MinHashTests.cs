using FsCheck.Xunit;
using Riposte.Detection.Text;

namespace Riposte.Detection.Tests;

public sealed class MinHashTests
{
    // Two sets of 200 elements sharing `shared` of them: Jaccard = shared / (400 - shared).
    private static (ulong[] A, ulong[] B, double Jaccard) PairWithOverlap(int shared, int seed)
    {
        var rng = new Random(seed);
        var common = Enumerable.Range(0, shared).Select(_ => (ulong)rng.NextInt64()).ToArray();
        var a = common.Concat(Enumerable.Range(0, 200 - shared).Select(_ => (ulong)rng.NextInt64())).ToArray();
        var b = common.Concat(Enumerable.Range(0, 200 - shared).Select(_ => (ulong)rng.NextInt64())).ToArray();
        return (a, b, shared / (400.0 - shared));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(133)]
    [InlineData(170)]
    [InlineData(200)]
    public void Estimate_KnownJaccard_WithinFourStandardErrors(int shared)
    {
        // Arrange
        var hasher = new MinHasher(512, seed: 7);
        var (a, b, jaccard) = PairWithOverlap(shared, seed: shared);

        // Act
        var estimate = MinHasher.Estimate(hasher.Sign(a), hasher.Sign(b));

        // Assert
        var standardError = Math.Sqrt(Math.Max(jaccard * (1 - jaccard), 0.01) / 512);
        Assert.InRange(estimate, jaccard - (4 * standardError), jaccard + (4 * standardError));
    }

    [Fact]
    public void Estimate_ManyPairsAtDetectorLength_UnbiasedOnAverage()
    {
        // Arrange
        var hasher = new MinHasher(64, seed: 1);
        var errors = new List<double>();

        // Act
        for (var seed = 0; seed < 200; seed++)
        {
            var (a, b, jaccard) = PairWithOverlap(100, seed);
            errors.Add(MinHasher.Estimate(hasher.Sign(a), hasher.Sign(b)) - jaccard);
        }

        // Assert: J = 1/3; the mean error of 200 estimates is within 4 standard errors of 0.
        Assert.InRange(errors.Average(), -0.025, 0.025);
    }

    [Property]
    public bool Estimate_SameSet_IsOne(ulong[] elements)
    {
        var hasher = new MinHasher(64, seed: 3);
        var distinct = elements.Distinct().Append(42UL).ToArray();
        return MinHasher.Estimate(hasher.Sign(distinct), hasher.Sign(distinct.Reverse().ToArray())) == 1.0;
    }

    [Fact]
    public void Group_CopiesWithSmallEdits_SameGroupAndUnrelatedTextApart()
    {
        // Arrange
        var words = "the council voted again today to close the northern bridge for repairs despite loud protests from local traders";
        var texts = new List<string?>
        {
            words,
            "@someone " + words.Replace("loud", "LOUD", StringComparison.Ordinal) + " 🔥",
            words.Replace("again ", "", StringComparison.Ordinal) + " read this",
            "a completely different sentence about football results and the weather in the south this weekend",
            null,
            "too short",
        };

        // Act
        var groups = new NearDuplicateGrouper().Group(texts, threshold: 0.5, minWords: 6);

        // Assert
        Assert.Equal(groups[0], groups[1]);
        Assert.Equal(groups[0], groups[2]);
        Assert.NotEqual(groups[0], groups[3]);
        Assert.Equal(NearDuplicateGrouper.NoGroup, groups[4]);
        Assert.Equal(NearDuplicateGrouper.NoGroup, groups[5]);
    }

    [Fact]
    public void WordHashes_CaseMentionsUrlsAndPunctuation_Ignored()
    {
        // Arrange
        var a = "Hello, World! http://x.example/a @bob";
        var b = "hello world";

        // Act
        var ha = TextNormaliser.WordHashes(a);
        var hb = TextNormaliser.WordHashes(b);

        // Assert
        Assert.Equal(hb, ha);
    }
}
