using System.Diagnostics;
using System.Globalization;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Stix.Validation;
using Riposte.Storage;
using Riposte.Storage.Sqlite;

namespace Riposte.Bench;

/// <summary>
/// CPU seconds of each import stage on its own, one thread, so a profile shows where the import's time goes:
/// <c>quick store-stages [objects = 50000] [rounds = 3] [objects per Put = 5000]</c>. Later rounds run with the JIT warm, as a long import does.
/// </summary>
public static class StoreStagesQuick
{
    public static void Run(string[] args)
    {
        var objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var batch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000;
        var folder = Directory.CreateTempSubdirectory("riposte-store-stages-").FullName;
        try
        {
            var bundle = Path.Combine(folder, "bundle.json");
            using (var file = File.Create(bundle))
                StoreBenchmarksGenerator.WriteBundle(file, objects);
            Profile(bundle, objects, rounds, batch);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void Profile(string bundle, int count, int rounds, int batchSize = 5_000)
    {
        var process = Process.GetCurrentProcess();
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = process.TotalProcessorTime;
            List<StixObject> objects;
            using (var file = File.OpenRead(bundle))
                objects = [.. StixBundleReader.Read(file).Select(i => i.Object!).Take(count)];
            var read = process.TotalProcessorTime - cpu;

            cpu = process.TotalProcessorTime;
            var errors = objects.Count(o => !StixValidator.Validate(o).IsValid);
            var validate = process.TotalProcessorTime - cpu;

            cpu = process.TotalProcessorTime;
            var references = objects.Sum(o => IndexTerms.From(o).References.Count);
            var indexTerms = process.TotalProcessorTime - cpu;

            var path = Path.Combine(Path.GetDirectoryName(bundle)!, $"stages-{round}.db");
            TimeSpan write;
            using (var store = new SqliteStixStore(path))
            {
                store.Migrate();
                cpu = process.TotalProcessorTime;
                foreach (var batch in objects.Chunk(batchSize))
                    store.Put(batch);
                write = process.TotalProcessorTime - cpu;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}, CPU per {objects.Count:N0} objects: read {read.TotalSeconds:N2} s, validate {validate.TotalSeconds:N2} s ({errors} invalid), write {write.TotalSeconds:N2} s in Puts of {batchSize:N0} (of which index terms alone {indexTerms.TotalSeconds:N2} s, {references:N0} references)"));
        }
    }
}
