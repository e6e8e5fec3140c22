using FsCheck.Xunit;
using Riposte.Detection.Interning;
using Riposte.Detection.Text;

namespace Riposte.Detection.Tests;

public sealed class CompactStorageTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StringArchive_ManyStringsAcrossBlocks_EachReadBackExactly(bool compress)
    {
        // Arrange: enough strings for several 64 KiB blocks, some non-ASCII, one longer than a block, an empty one.
        var archive = new StringArchive(compress);
        var values = Enumerable.Range(0, 20_000)
            .Select(i => i % 97 == 0 ? "ünïcödé ✓ " + i : "post-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(new string('x', 100_000))
            .Append("")
            .Append("after the long one")
            .ToList();

        // Act
        var refs = values.Select(v => archive.Add(v)).ToList();

        // Assert: read in a scrambled order, so a compressed archive has to switch blocks.
        foreach (var i in Enumerable.Range(0, values.Count).OrderBy(i => (i * 7919) % values.Count))
            Assert.Equal(values[i], archive.Get(refs[i]));
    }

    [Fact]
    public void StringArchive_Compressed_SmallerThanUtf8OfRepetitiveTexts()
    {
        // Arrange
        var plain = new StringArchive(compress: false);
        var packed = new StringArchive(compress: true);

        // Act
        for (var i = 0; i < 5_000; i++)
        {
            var text = $"the council voted again today to close bridge number {i % 40} for repairs";
            plain.Add(text);
            packed.Add(text);
        }

        // Assert
        Assert.True(packed.Bytes < plain.Bytes / 2, $"compressed {packed.Bytes} bytes, plain {plain.Bytes}");
    }

    [Property]
    public bool ColumnBuilder_AnyValues_ToArrayKeepsOrder(int[] values)
    {
        var column = new ColumnBuilder<int>();
        foreach (var v in values)
            column.Add(v);
        return column.ToArray().SequenceEqual(values);
    }

    [Fact]
    public void ColumnBuilder_MoreThanOneChunk_ToArrayKeepsOrder()
    {
        // Arrange
        var column = new ColumnBuilder<long>();
        var count = (3 << 16) + 5;

        // Act
        for (long i = 0; i < count; i++)
            column.Add(i * 3);
        var array = column.ToArray();

        // Assert
        Assert.Equal(count, array.Length);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3L), array);
    }

    [Fact]
    public void SignatureSet_Estimate_MatchesFullSignatureEstimate()
    {
        // Arrange: texts sharing more or fewer words with a base text.
        var hasher = new MinHasher(64, seed: 1);
        var set = new SignatureSet(64);
        var words = Enumerable.Range(0, 40).Select(i => (ulong)(i * 2654435761L)).ToArray();
        var full = new List<uint[]>();
        for (var shared = 0; shared <= 40; shared += 5)
        {
            var elements = words.Take(shared).Concat(Enumerable.Range(1000, 40 - shared).Select(i => (ulong)i * 40503UL)).ToArray();
            full.Add(hasher.Sign(elements));
            set.Add(full[^1]);
        }

        // Act / Assert: 16-bit positions agree where the full ones agree (and, here, nowhere else).
        for (var i = 0; i < full.Count; i++)
            Assert.Equal(MinHasher.Estimate(full[^1], full[i]), set.Estimate(set.Count - 1, i), precision: 6);
    }

    [Fact]
    public void SignatureSet_WrongLength_Throws()
    {
        var set = new SignatureSet(64);

        var error = Assert.Throws<ArgumentException>(() => set.Add(new uint[63]));

        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }
}
