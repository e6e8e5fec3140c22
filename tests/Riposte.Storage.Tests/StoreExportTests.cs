using System.Text;
using System.Text.Json;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Storage.Export;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreExportTests() : StoreExportTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreExportTests() : StoreExportTests(StoreUnderTest.Postgres);

/// <summary>The exporter reading from each provider's store.</summary>
public abstract class StoreExportTests(Func<TimeProvider?, StoreUnderTest> open) : StoreTests(open)
{
    [Fact]
    public void Export_Query_WritesValidBundleOfMatches()
    {
        Temp.Store.Put([Identity(1, "Київ"), Indicator(2), Indicator(3, markings: [TlpRed])]);
        var output = new MemoryStream();

        var count = new StixExporter(Temp.Store).Export(new StixQuery { Types = ["indicator", "identity"] }, output, cancellationToken: TestContext.Current.CancellationToken);

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
        Temp.Store.Put([Indicator(1), Indicator(2, markings: [TlpRed])]);
        var output = new MemoryStream();
        StixObject? Gate(StixObject o)
        {
            if (o.ObjectMarkingRefs.Contains(TlpRed))
                return null;
            var copy = o.Json.DeepClone().AsObject();
            copy["name"] = "redacted";
            return new StixObject(copy);
        }

        var count = await new StixExporter(Temp.Store).ExportAsync(new StixQuery(), output, Gate, TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        var item = Assert.Single(StixBundleReader.Read(new MemoryStream(output.ToArray())));
        Assert.Equal("redacted", item.Object!.Name);
    }
}
