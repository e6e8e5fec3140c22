using System.Text;
using System.Text.Json;

namespace Riposte.Detection.Output;

/// <summary>Writes every output of a detection run into one directory.</summary>
public static class DetectionOutputWriter
{
    public const string CsvFile = "clusters.csv";
    public const string JsonFile = "clusters.json";
    public const string GexfFile = "clusters.gexf";
    public const string StixFile = "clusters.stix.json";

    /// <summary>Writes clusters.csv, clusters.json, clusters.gexf and clusters.stix.json; returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, CoordinationResult result, DateTimeOffset generated)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var csv = Path.Combine(directory, CsvFile);
        using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
            ClustersCsvWriter.Write(writer, result.Clusters);
        var json = Path.Combine(directory, JsonFile);
        using (var stream = File.Create(json))
            ClustersJsonWriter.Write(stream, result.Clusters, result.Statistics);
        var gexf = Path.Combine(directory, GexfFile);
        using (var stream = File.Create(gexf))
            GexfWriter.Write(stream, result.Clusters, generated);
        var stix = Path.Combine(directory, StixFile);
        using (var stream = File.Create(stix))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            StixBundleBuilder.Build(result.Clusters, generated).WriteTo(w);
        return [csv, json, gexf, stix];
    }
}
