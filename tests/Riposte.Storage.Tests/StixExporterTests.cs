using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Storage.Export;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class StixExporterTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Export_Query_WritesValidBundleOfMatches()
    {
        _temp.Store.Put([Identity(1, "Київ"), Indicator(2), Indicator(3, markings: [TlpRed])]);
        var output = new MemoryStream();

        var count = new StixExporter(_temp.Store).Export(new StixQuery { Types = ["indicator", "identity"] }, output, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, count);
        using var document = JsonDocument.Parse(output.ToArray());
        Assert.Equal("bundle", document.RootElement.GetProperty("type").GetString());
        Assert.StartsWith("bundle--", document.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, document.RootElement.GetProperty("objects").GetArrayLength());
        Assert.Contains("Київ", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Filter_SkipsAndRedacts()
    {
        _temp.Store.Put([Indicator(1), Indicator(2, markings: [TlpRed])]);
        var output = new MemoryStream();
        StixObject? Gate(StixObject o)
        {
            if (o.ObjectMarkingRefs.Contains(TlpRed))
                return null;
            var copy = o.Json.DeepClone().AsObject();
            copy["name"] = "redacted";
            return new StixObject(copy);
        }

        var count = await new StixExporter(_temp.Store).ExportAsync(new StixQuery(), output, Gate, TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        var item = Assert.Single(StixBundleReader.Read(new MemoryStream(output.ToArray())));
        Assert.Equal("redacted", item.Object!.Name);
    }

    [Fact]
    public void Complete_NoObjects_IsAnEmptyValidBundle()
    {
        var output = new MemoryStream();

        using (var writer = new StixBundleWriter(output, "bundle--00000000-0000-4000-8000-000000000002"))
            writer.Complete();

        Assert.Equal("{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000002\",\"objects\":[]}", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Property(MaxTest = 200)]
    public bool WriteThenRead_AnyNames_RoundTripExactly(NonNull<string>[] names)
    {
        {
            var objects = names.Select((n, i) => Identity(i + 1, n.Get)).ToArray();
            var output = new MemoryStream();
            using (var writer = new StixBundleWriter(output))
            {
                foreach (var o in objects)
                    writer.Write(o);
            }

            var read = StixBundleReader.Read(new MemoryStream(output.ToArray()), new StixBundleReaderOptions { InitialBufferSize = 64 }).ToList();

            return read.Count == objects.Length
                && read.Zip(objects).All(p => p.First.Object is { } o && o.Name == p.Second.Name && o.ToJson() == p.Second.ToJson());
        }
    }
}
