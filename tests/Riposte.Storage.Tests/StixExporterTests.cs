using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Storage.Export;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class StixExporterTests
{
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
