namespace Riposte.Analytics.Tests;

/// <summary>Builds CSV test input with correct quoting for a given header.</summary>
internal static class CsvText
{
    public static string WithRow(string header, Dictionary<string, string> values) => WithRows(header, values);

    public static string WithRows(string header, params Dictionary<string, string>[] rows)
    {
        var columns = header.Split(',');
        var lines = new List<string> { header };
        foreach (var row in rows)
            lines.Add(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c.Trim('"')) ?? ""))));
        return string.Join('\n', lines) + "\n";
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
