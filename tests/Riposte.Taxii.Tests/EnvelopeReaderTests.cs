using System.Text;
using System.Text.Json;
using Riposte.Taxii.Posting;

namespace Riposte.Taxii.Tests;

/// <summary>The envelope is cut into its objects' bytes in one pass, without a JSON tree.</summary>
public sealed class EnvelopeReaderTests
{
    private static IReadOnlyList<EnvelopeEntry> Entries(string body) => EnvelopeReader.Entries(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Entries_IndentedObjects_KeptCompactInOrderWithEveryTokenAsSent()
    {
        var entries = Entries("{\"more\": false,\n \"objects\": [\n  {\"type\": \"note\", \"id\": \"note--1\", \"x\": \"a b\\u00e9\"},\n  {\"type\":\"tool\"}\n ], \"x\": [1]}");

        Assert.Equal(2, entries.Count);
        Assert.Equal("{\"type\":\"note\",\"id\":\"note--1\",\"x\":\"a b\\u00e9\"}", Encoding.UTF8.GetString(entries[0].Object!.ToUtf8Json().Span));
        Assert.Equal(("note", "note--1"), (entries[0].Object!.Type, entries[0].Object!.Id));
        Assert.Equal("tool", entries[1].Object!.Type);
    }

    [Fact]
    public void Entries_ElementThatIsNotAnObject_ProblemInItsPlace()
    {
        var entries = Entries("{\"objects\":[{\"type\":\"tool\"},42,[{\"type\":\"x\"}],\"s\"]}");

        Assert.Equal([null, "a STIX object must be a JSON object", "a STIX object must be a JSON object", "a STIX object must be a JSON object"],
            entries.Select(e => e.Problem));
        Assert.NotNull(entries[0].Object);
    }

    [Fact]
    public void Entries_InvalidUtf8InOneObject_OnlyThatOneIsAProblem()
    {
        byte[] body = [.. "{\"objects\":[{\"type\":\"tool\"},{\"name\":\""u8, 0xC3, 0x28, .. "\"}]}"u8];

        var entries = EnvelopeReader.Entries(body);

        Assert.NotNull(entries[0].Object);
        Assert.Equal("the object is not valid UTF-8", entries[1].Problem);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"objects\":null}")]
    [InlineData("{\"objects\":[]}")]
    public void Entries_NoObjects_Empty(string body) => Assert.Empty(Entries(body));

    [Theory]
    [InlineData("{\"objects\":[{\"type\":\"tool\"}]} trailing")]
    [InlineData("[1,}")]
    [InlineData("{\"objects\":{\"a\":}}")]
    public void Entries_BrokenJsonAnywhere_JsonExceptionBeforeAnyShapeError(string body) =>
        Assert.ThrowsAny<JsonException>(() => Entries(body));
}
