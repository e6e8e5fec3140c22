using System.Globalization;
using Riposte.Reports.Figures;

namespace Riposte.Reports.Tests.Support;

/// <summary>Reads counts back out of the report model's tables (label → the number in a column).</summary>
public static class ModelTables
{
    public static ReportSection Section(AnnualReportModel model, string id) => model.Sections.Single(s => s.Id == id);

    public static Dictionary<string, int> Counts(AnnualReportModel model, string section, int table = 0, int column = 1, params string[] skip) =>
        Section(model, section).Tables[table].Rows
            .Where(r => !skip.Contains(r[0]))
            .ToDictionary(r => r[0], r => Number(r[column]));

    public static int Number(string cell) => int.Parse(cell.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The number in a one-value row ("Channels" → 12).</summary>
    public static int Value(AnnualReportModel model, string section, int table, string label) =>
        Number(Section(model, section).Tables[table].Rows.Single(r => r[0] == label)[1]);
}
