using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Riposte.Stix.Tests;

/// <summary>An object read back from stored bytes answers like one built from its JSON tree, without building the tree until asked.</summary>
public class StixObjectFromUtf8Tests
{
    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void FromUtf8_EverySampleType_SamePropertiesAsTheTree(string type)
    {
        var tree = new StixObject(Samples.Of(type));
        var lazy = StixObject.FromUtf8(tree.ToUtf8Json());

        Assert.Equal(tree.Type, lazy.Type);
        Assert.Equal(tree.Id, lazy.Id);
        Assert.Equal(tree.Created, lazy.Created);
        Assert.Equal(tree.Modified, lazy.Modified);
        Assert.Equal(tree.Version, lazy.Version);
        Assert.Equal(tree.SpecVersion, lazy.SpecVersion);
        Assert.Equal(tree.CreatedByRef, lazy.CreatedByRef);
        Assert.False(lazy.IsParsed);
        Assert.True(JsonNode.DeepEquals(tree.Json, lazy.Json));
        Assert.True(lazy.IsParsed);
    }

    [Fact]
    public void FromUtf8_NonStringOrNestedValues_CountOnlyTopLevelStrings()
    {
        const string text = """{"x":{"type":"nested","id":"x--1"},"type":"indicator","id":7,"spec_version":null,"created_by_ref":["identity--a"],"created":"2016-04-06T20:03:48.123Z","modified":"not a time","list":[{"modified":"2020-01-01T00:00:00Z"}]}""";
        var lazy = StixObject.FromUtf8(Encoding.UTF8.GetBytes(text));
        var tree = StixObject.Parse(text);

        Assert.Equal("indicator", lazy.Type);
        Assert.Equal(tree.Id, lazy.Id);
        Assert.Equal("", lazy.Id);
        Assert.Null(lazy.SpecVersion);
        Assert.Null(lazy.CreatedByRef);
        Assert.Null(lazy.Modified);
        Assert.Equal("2016-04-06T20:03:48.123Z", lazy.Version?.Text);
    }

    [Fact]
    public void FromUtf8_EscapedNamesAndValues_ReadUnescaped()
    {
        var lazy = StixObject.FromUtf8(Encoding.UTF8.GetBytes("""{"typ\u0065":"x-\u00e9","spec_version":"2.1","id":"x-\u00e9--1"}"""));

        Assert.Equal("x-é", lazy.Type);
        Assert.Equal("x-é--1", lazy.Id);
    }

    [Fact]
    public void WriteTo_FromUtf8_WritesTheStoredBytesWithoutParsing()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"note","id":"note--0e1b1d25-93a7-4a8e-9d5b-6f1d2c3b4a59","content":"\u00e9 kept as sent","x":1.50}""");
        var lazy = StixObject.FromUtf8(bytes);
        var buffer = new ArrayBufferWriter<byte>();

        using (var writer = new Utf8JsonWriter(buffer))
            lazy.WriteTo(writer);

        Assert.Equal(bytes, buffer.WrittenSpan.ToArray());
        Assert.False(lazy.IsParsed);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public void FromUtf8_NotAnObject_Throws(string text) =>
        Assert.ThrowsAny<JsonException>(() => StixObject.FromUtf8(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Json_ReadFromManyThreads_OneTreeShared()
    {
        var lazy = StixObject.FromUtf8(Encoding.UTF8.GetBytes("""{"type":"note","id":"note--1","content":"c"}"""));
        var trees = new JsonObject[16];

        Parallel.For(0, trees.Length, i => trees[i] = lazy.Json);

        Assert.All(trees, t => Assert.Same(trees[0], t));
    }
}
