using System.Globalization;

namespace Riposte.Detection.Output;

/// <summary>Writes <c>account_id,cluster_id,score</c>, one flagged account a line (what score_cib.py reads).</summary>
public static class ClustersCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<CoordinatedCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(clusters);
        writer.Write("account_id,cluster_id,score\n");
        foreach (var c in clusters)
        {
            var score = c.Score.ToString("0.####", CultureInfo.InvariantCulture);
            foreach (var m in c.Members)
                writer.Write($"{Field(m.AccountId)},{Field(c.Id)},{score}\n");
        }
    }

    /// <summary>RFC 4180 quoting when a value holds a comma, quote or line break.</summary>
    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
