using System.Globalization;
using CsvHelper;
using Riposte.Reports.Figures;

namespace Riposte.Reports.Charts;

/// <summary>A chart's data as CSV (RFC 4180, invariant numbers): every point, not only the bars drawn.</summary>
public static class ChartCsv
{
    public static string Write(ChartSpec chart, ReportTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var column in table.Columns)
                csv.WriteField(column);
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                    csv.WriteField(Plain(cell));
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    // Tables show 1,234 for people; a CSV is for programs, so the digits go without separators.
    private static string Plain(string cell) =>
        cell.Length > 0 && cell.All(ch => char.IsAsciiDigit(ch) || ch == ',') && char.IsAsciiDigit(cell[0]) ? cell.Replace(",", "", StringComparison.Ordinal) : cell;
}
