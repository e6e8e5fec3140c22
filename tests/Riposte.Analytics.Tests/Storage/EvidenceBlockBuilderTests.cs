using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;
using Riposte.Analytics.Evidence;

namespace Riposte.Analytics.Tests.Storage;

public sealed class EvidenceBlockBuilderTests
{
    [Property(MaxTest = 100)]
    public bool Append_AnyRecords_EachComesBackExactlyFromItsBlock(NonNull<byte[]>[] records)
    {
        // Arrange
        var builder = new EvidenceBlockBuilder(blockSize: 64);
        var pointers = records.Select(r => builder.Append(r.Get)).ToList();

        // Act
        var blocks = builder.TakeBlocks().ToDictionary(b => b.Sequence, b => EvidenceCodec.Decompress(b.Codec, b.Data));

        // Assert
        return records.Zip(pointers).All(pair =>
        {
            var raw = blocks[pair.Second.BlockSequence].AsSpan(pair.Second.Offset, pair.Second.Length);
            return raw.SequenceEqual(pair.First.Get) && SHA256.HashData(raw).AsSpan().SequenceEqual(pair.Second.Sha256);
        });
    }

    [Fact]
    public void Append_SameRecordTwiceInARow_StoresItOnce()
    {
        // Arrange
        var builder = new EvidenceBlockBuilder();
        var page = "{\"data\": [1, 2, 3]}"u8.ToArray();

        // Act
        var first = builder.Append(page);
        var second = builder.Append(page);
        var block = Assert.Single(builder.TakeBlocks());

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(page.Length, block.RawLength);
    }
}
