using System.Text;
using Riposte.Stix.Json;
using Riposte.Stix.Validation;

namespace Riposte.Storage.Tests;

public sealed class StixBundleReaderTests
{
    private static List<BundleItem> ReadAll(string text, int bufferSize = 64 * 1024) => ReadAll(Encoding.UTF8.GetBytes(text), bufferSize);

    private static List<BundleItem> ReadAll(byte[] bytes, int bufferSize = 64 * 1024) =>
        [.. StixBundleReader.Read(new MemoryStream(bytes), new StixBundleReaderOptions { InitialBufferSize = bufferSize })];

    [Fact]
    public void Read_BundleWithObjects_YieldsEachWithIndexLineAndPath()
    {
        // Arrange
        var text = StixSamples.Bundle(StixSamples.Identity(1, "ACME"), StixSamples.Indicator(2));

        // Act
        var items = ReadAll(text);

        // Assert
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Null(i.Problem));
        Assert.Equal([0, 1], items.Select(i => i.Index));
        Assert.Equal([2L, 3L], items.Select(i => i.Line));
        Assert.Equal(["$.objects[0]", "$.objects[1]"], items.Select(i => i.Path));
        Assert.Equal(StixSamples.Id("indicator", 2), items[1].Id);
    }

    [Fact]
    public void Read_PropertiesInAnyOrder_ReadsObjectsBeforeType()
    {
        // Arrange
        var text = "{\"objects\":[" + StixSamples.Identity(1, "ACME").ToJson() + "],\"id\":\"bundle--00000000-0000-4000-8000-000000000001\",\"type\":\"bundle\"}";

        // Act
        var items = ReadAll(text);

        // Assert
        var item = Assert.Single(items);
        Assert.Equal("ACME", item.Object!.Name);
    }

    [Fact]
    public void Read_SingleObject_YieldsItAtRootPath()
    {
        var items = ReadAll(StixSamples.Identity(1, "ACME").ToJson());

        var item = Assert.Single(items);
        Assert.Equal("$", item.Path);
        Assert.Equal(0, item.Index);
        Assert.Equal(StixSamples.Id("identity", 1), item.Object!.Id);
    }

    [Fact]
    public void Read_ArrayOfObjects_UsesArrayPaths()
    {
        var text = "[" + StixSamples.Identity(1, "A").ToJson() + ",\n" + StixSamples.Identity(2, "B").ToJson() + "]";

        var items = ReadAll(text);

        Assert.Equal(["$[0]", "$[1]"], items.Select(i => i.Path));
        Assert.Equal([1L, 2L], items.Select(i => i.Line));
    }

    [Fact]
    public void Read_EmptyInput_ReportsEmptyFile()
    {
        var item = Assert.Single(ReadAll("  \n "));

        Assert.Equal("the input is empty: expected a STIX bundle, a STIX object or a JSON array of objects", item.Problem!.Message);
        Assert.Equal("$", item.Problem.Path);
        Assert.True(item.EndsDocument);
    }

    [Fact]
    public void Read_NotJson_ReportsLineAndColumn()
    {
        var item = Assert.Single(ReadAll("\nhello world"));

        Assert.StartsWith("not valid JSON at line 2, column 1: ", item.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(2, item.Line);
        Assert.Equal(-1, item.Index);
    }

    [Fact]
    public void Read_MalformedElementAfterBufferShifts_ReportsItsLineAndKeepsEarlierObjects()
    {
        // Arrange: the fourth element (line 5) has a missing comma, far past the 64-byte first buffer
        var good = string.Join(",\n", Enumerable.Range(1, 3).Select(n => StixSamples.Identity(n, "N" + n).ToJson()));
        var text = "{\"type\":\"bundle\",\"objects\":[\n" + good + ",\n{\"type\":\"identity\" \"id\":\"x\"}]}";

        // Act
        var items = ReadAll(text, bufferSize: 64);

        // Assert
        Assert.Equal(4, items.Count);
        Assert.Equal(["N1", "N2", "N3"], items.Take(3).Select(i => i.Object!.Name));
        Assert.Equal("$.objects[3]", items[3].Problem!.Path);
        Assert.Equal(3, items[3].Index);
        Assert.Equal(5, items[3].Line);
        Assert.StartsWith("not valid JSON at line 5, column 20: ", items[3].Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedBundle_KeepsObjectsBeforeTheCut()
    {
        // Arrange: cut the second object in half
        var text = StixSamples.Bundle(StixSamples.Identity(1, "A"), StixSamples.Identity(2, "B"), StixSamples.Identity(3, "C"));
        var cut = text[..text.IndexOf("\"B\"", StringComparison.Ordinal)];

        // Act
        var items = ReadAll(cut);

        // Assert
        Assert.Equal(2, items.Count);
        Assert.Equal("A", items[0].Object!.Name);
        Assert.Equal("$.objects[1]", items[1].Problem!.Path);
        Assert.Equal("the input ends inside $.objects[1]: the JSON is truncated", items[1].Problem!.Message);
        Assert.Equal(1, items[1].Index);
        Assert.True(items[1].EndsDocument);
    }

    [Fact]
    public void Read_TruncatedAfterArray_ReportsTruncationAtRoot()
    {
        var text = StixSamples.Bundle(StixSamples.Identity(1, "A"));

        var items = ReadAll(text[..^1]);

        Assert.Equal(2, items.Count);
        Assert.Equal("the input ends inside $: the JSON is truncated", items[1].Problem!.Message);
    }

    [Theory]
    [InlineData("\"bundle\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Read_ScalarAtTopLevel_ReportsWrongShape(string text, string found)
    {
        var item = Assert.Single(ReadAll(text));

        Assert.Equal($"expected a STIX bundle, a STIX object or a JSON array of objects, found {found}", item.Problem!.Message);
    }

    [Fact]
    public void Read_BundleWhoseObjectsIsNotArray_ReportsPath()
    {
        var item = Assert.Single(ReadAll("{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":{}}"));

        Assert.Equal("$.objects", item.Problem!.Path);
        Assert.Equal("expected an array of objects, found an object", item.Problem.Message);
    }

    [Fact]
    public void Read_ObjectsArrayUnderOtherType_ReportsWrongType()
    {
        var item = Assert.Single(ReadAll("{\"type\":\"report\",\"objects\":[]}"));

        Assert.Equal("$.type", item.Problem!.Path);
        Assert.Equal("a top-level object with an 'objects' array must have type 'bundle', found 'report'", item.Problem.Message);
    }

    [Fact]
    public void Read_ElementNotAnObject_ReportsItAndKeepsTheRest()
    {
        var text = "{\"type\":\"bundle\",\"objects\":[" + StixSamples.Identity(1, "A").ToJson() + ",\n42,\n[1,2],\n" + StixSamples.Identity(2, "B").ToJson() + "]}";

        var items = ReadAll(text);

        Assert.Equal(4, items.Count);
        Assert.Equal("expected a JSON object, found a number", items[1].Problem!.Message);
        Assert.Equal("$.objects[1]", items[1].Problem!.Path);
        Assert.Equal(2, items[1].Line);
        Assert.Equal("expected a JSON object, found an array", items[2].Problem!.Message);
        Assert.Equal("B", items[3].Object!.Name);
        Assert.Equal(3, items[3].Index);
    }

    [Fact]
    public void Read_InvalidUtf8InsideObject_RejectsOnlyThatObject()
    {
        // Arrange: 0xC3 0x28 is an invalid two-byte sequence, inside the second object's name
        var first = Encoding.UTF8.GetBytes("{\"type\":\"bundle\",\"objects\":[" + StixSamples.Identity(1, "A").ToJson() + ",\n");
        var bad = Encoding.UTF8.GetBytes(StixSamples.Identity(2, "XX").ToJson());
        var at = Array.IndexOf(bad, (byte)'X');
        bad[at] = 0xC3;
        bad[at + 1] = 0x28;
        var last = Encoding.UTF8.GetBytes(",\n" + StixSamples.Identity(3, "C").ToJson() + "]}");

        // Act
        var items = ReadAll([.. first, .. bad, .. last]);

        // Assert
        Assert.Equal(3, items.Count);
        Assert.Equal("A", items[0].Object!.Name);
        Assert.Equal("invalid UTF-8 byte sequence at line 2", items[1].Problem!.Message);
        Assert.Equal("$.objects[1]", items[1].Problem!.Path);
        Assert.Equal("C", items[2].Object!.Name);
    }

    [Fact]
    public void Read_DuplicateIdAndModified_ReportsTheSecond()
    {
        var a = StixSamples.Indicator(1, modified: StixSamples.Time(2));
        var newer = StixSamples.Indicator(1, modified: StixSamples.Time(3));
        var text = StixSamples.Bundle(a, newer, a);

        var items = ReadAll(text);

        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Object);
        Assert.NotNull(items[1].Object);
        Assert.Null(items[2].Object);
        Assert.Equal(StixSamples.Id("indicator", 1), items[2].Id);
        Assert.Equal("duplicate of $.objects[0]: same id and modified (2024-01-02T00:00:00.000Z) in one bundle; the first is kept", items[2].Problem!.Message);
    }

    [Fact]
    public void Read_ManyMegabytesWithSmallBuffer_StreamsEveryObject()
    {
        // Arrange: ~4 MB arriving in reads of 777 bytes into a 1 KB first buffer, so elements straddle reads and the buffer grows and shifts
        const int count = 8_000;
        var objects = Enumerable.Range(1, count).Select(n => StixSamples.Indicator(n, description: new string('x', 400) + " Kyiv ünïcödé")).ToArray();
        var bytes = Encoding.UTF8.GetBytes(StixSamples.Bundle(objects));
        Assert.True(bytes.Length > 3_000_000);
        var stream = new TrickleStream(bytes, maxRead: 777);

        // Act
        var reader = new StixBundleReader(stream, new StixBundleReaderOptions { InitialBufferSize = 1024 });
        var ids = reader.ReadItems().Select(i => i.Object!.Id).ToList();

        // Assert
        Assert.Equal(count, ids.Count);
        Assert.Equal(objects.Select(o => o.Id), ids);
        Assert.Equal(bytes.Length, reader.BytesRead);
    }

    [Fact]
    public void Read_ElementOverLimit_ReportsAndStops()
    {
        var text = StixSamples.Bundle(StixSamples.Identity(1, "A"), StixSamples.Indicator(2, description: new string('x', 5000)));

        var limited = StixBundleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)),
            new StixBundleReaderOptions { InitialBufferSize = 512, MaxElementBytes = 2048 }).ToList();

        Assert.Equal(2, limited.Count);
        Assert.Equal("A", limited[0].Object!.Name);
        Assert.Equal("an element is larger than the 2,048 byte limit", limited[1].Problem!.Message);
        Assert.Equal("$.objects[1]", limited[1].Problem!.Path);
    }

    [Fact]
    public void Read_PrettyPrinted_StoresCompactBytesWithEscapesKept()
    {
        var text = "{\n  \"type\": \"identity\",\n  \"id\": \"identity--00000001-0000-4000-8000-000000000000\",\n  \"name\": \"K\\u00fdiv \\\" quoted\"\n}";

        var item = Assert.Single(ReadAll(text));

        Assert.Equal("{\"type\":\"identity\",\"id\":\"identity--00000001-0000-4000-8000-000000000000\",\"name\":\"K\\u00fdiv \\\" quoted\"}",
            Encoding.UTF8.GetString(item.Object!.ToUtf8Json().Span));
        Assert.Equal("Kýiv \" quoted", item.Object.Name);
    }

    [Fact]
    public void Read_TrailingGarbage_ReportsAfterKeepingObjects()
    {
        var items = ReadAll(StixSamples.Bundle(StixSamples.Identity(1, "A")) + "\n{}");

        Assert.Equal("A", items[0].Object!.Name);
        Assert.Equal(IssueSeverity.Error, items[1].Problem!.Severity);
        Assert.True(items[1].EndsDocument);
    }

    /// <summary>Hands out at most a few bytes per read, as a pipe or a slow network would.</summary>
    private sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, maxRead)]);
    }
}
